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
}
