using System.Text;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Tests.Records;

public sealed class RecordEnvelopeReaderTests
{
    private static (RecordEnvelope? Envelope, List<Issue> Issues) Read(string json)
    {
        var issues = new List<Issue>();
        return (RecordEnvelopeReader.Read(Encoding.UTF8.GetBytes(json), issues), issues);
    }

    [Fact]
    public void Reads_every_envelope_field_of_a_good_record()
    {
        var (envelope, issues) = Read("""{"recordId":"r-1","version":2,"kind":"assessment","patient":{"id":"P-1"},"recordedAt":"2026-03-01T09:30:00+01:00","data":{}}""");
        Assert.Empty(issues);
        Assert.Equal(new RecordEnvelope("r-1", 2, "assessment", "P-1", new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(1))), envelope);
        Assert.Equal("r-1@2", envelope!.Key);
    }

    [Fact]
    public void Reports_each_missing_or_wrong_field_with_its_path()
    {
        var (envelope, issues) = Read("""{"version":0,"kind":"lab","patient":{},"recordedAt":"2026-03-01"}""");
        Assert.Null(envelope);
        Assert.Equal(["recordId", "version", "kind", "patient.id", "recordedAt"], issues.Select(i => i.Expression));
        Assert.Contains(issues, i => i.Code == "record-unknown-kind" && i.Message.Contains("'lab'"));
    }

    [Theory]
    [InlineData("not json", "record-malformed-json")]
    [InlineData("[1]", "record-not-object")]
    public void Reports_a_body_that_is_not_a_record_as_fatal(string body, string code)
    {
        var (envelope, issues) = Read(body);
        Assert.Null(envelope);
        Assert.Equal(code, Assert.Single(issues).Code);
        Assert.Equal(IssueSeverity.Fatal, issues[0].Severity);
    }

    [Fact]
    public void Says_where_a_body_stops_being_JSON_in_1_based_line_and_column()
    {
        var (_, issues) = Read("{\"recordId\": \"r1\",\n  \"version\": ]}");
        var issue = Assert.Single(issues);
        Assert.Equal((2, 14), (issue.Line, issue.Column));
        Assert.StartsWith("The record is not valid JSON (line 2, column 14): ", issue.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"recordId":"r-1\ud800","version":1}""", "recordId")]
    [InlineData("""{"recordId":"r-1","recordedBy":{"name":"Dr. X\ud800"}}""", "recordedBy.name")]
    [InlineData("""{"recordId":"r-1","items":[{"a\udc00":1}]}""", "items[0].(invalid name)")]
    public void Reports_a_lone_surrogate_anywhere_in_the_record_as_an_invalid_string_at_its_path(string json, string path)
    {
        var (envelope, issues) = Read(json);
        Assert.Null(envelope);
        var issue = Assert.Single(issues);
        Assert.Equal(IssueCatalogue.RecordInvalidString.Id, issue.Code);
        Assert.Equal(path, issue.Expression);
    }

    [Fact]
    public void Reports_raw_bytes_that_are_not_utf8_as_an_invalid_string()
    {
        var issues = new List<Issue>();
        byte[] json = [.. Encoding.UTF8.GetBytes("""{"recordId":"r"""), 0xC0, 0xAF, .. Encoding.UTF8.GetBytes("\"}")];
        Assert.Null(RecordEnvelopeReader.Read(json, issues));
        Assert.Equal((IssueCatalogue.RecordInvalidString.Id, "recordId"), (Assert.Single(issues).Code, issues[0].Expression));
    }

    [Fact]
    public void Refuses_a_record_nested_deeper_than_the_limit()
    {
        var (envelope, issues) = Read("""{"data":""" + new string('[', RecordJson.MaxDepth + 5) + new string(']', RecordJson.MaxDepth + 5) + "}");
        Assert.Null(envelope);
        Assert.Equal(IssueCatalogue.RecordTooDeep.Id, Assert.Single(issues).Code);
    }

    [Fact]
    public void Refuses_an_array_longer_than_the_limit_with_one_issue()
    {
        var (envelope, issues) = Read("""{"medications":[""" + string.Join(",", Enumerable.Repeat("{}", 100_000)) + "]}");
        Assert.Null(envelope);
        var issue = Assert.Single(issues);
        Assert.Equal((IssueCatalogue.RecordArrayTooLong.Id, "medications"), (issue.Code, issue.Expression));
    }
}
