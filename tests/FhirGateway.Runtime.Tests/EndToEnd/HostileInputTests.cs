using System.Net;
using System.Text;
using System.Text.Json;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Records;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Runtime.Tests.EndToEnd;

/// <summary>Input sent to hurt: invalid text, deep or long structures. Each is a coded refusal; nothing stops a worker.</summary>
public sealed class HostileInputTests : GatewayTestBase
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_poison_inbox_file_is_rejected_with_its_outcome_and_the_next_record_is_delivered()
    {
        await ConsentAsync("p1");
        var inbox = Path.Combine(Folder.Path, "inbox");
        Directory.CreateDirectory(inbox);
        await File.WriteAllBytesAsync(Path.Combine(inbox, "a-poison.json"),
            Records.Bytes("c2", "p1", kind: "consent", extra: ""","recordedBy":{"id":"u1","name":"Dr. X\ud800"}"""));
        await File.WriteAllBytesAsync(Path.Combine(inbox, "b-good.json"), Records.Bytes("r1", "p1"));

        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2, "the consent and the good record to be delivered");

        var outcome = await File.ReadAllTextAsync(Path.Combine(inbox, "rejected", "a-poison.outcome.json"));
        Assert.Contains(IssueCatalogue.RecordInvalidString.Id, outcome, StringComparison.Ordinal);
        Assert.Contains("recordedBy.name", outcome, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(inbox, "processed", "b-good.json")));
        Assert.Empty(GatewayHost.FaultedWorkers(Gateway.App.Services));
    }

    public static TheoryData<byte[], string> InvalidText => new()
    {
        { Utf8("""{"recordId":"r\ud800","version":1,"kind":"consent","patient":{"id":"p1"},"recordedAt":"2026-03-01T09:30:00Z"}"""), "recordId" },
        { [.. Utf8("""{"recordId":"r1","version":1,"kind":"consent","patient":{"id":"p"""), 0xFF, 0xFE, .. Utf8("\"},\"recordedAt\":\"2026-03-01T09:30:00Z\"}")], "patient.id" },
        { Records.Bytes("r1", "p1", extra: ""","note":{"\udbff":true}"""), "note.(invalid name)" },
    };

    [Theory]
    [MemberData(nameof(InvalidText))]
    public async Task Invalid_unicode_anywhere_in_a_posted_record_is_a_400_naming_the_field(byte[] record, string field)
    {
        using var response = await Gateway.PostAsync(record);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(IssueCatalogue.RecordInvalidString.Id, body, StringComparison.Ordinal);
        Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
        Assert.Equal(0, (await Gateway.Store.SummaryAsync(None)).Records);
    }

    [Fact]
    public async Task A_record_with_100000_empty_objects_is_refused_at_once_with_a_small_outcome()
    {
        var record = Records.Bytes("a1", "p1", kind: "assessment", extra: $",\"medications\":[{string.Join(",", Enumerable.Repeat("{}", 100_000))}]");

        using var response = await Gateway.PostAsync(record);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(body.Length < 64 * 1024, $"{body.Length} bytes");
        Assert.Contains(IssueCatalogue.RecordArrayTooLong.Id, Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        Assert.Equal(0, (await Gateway.Store.SummaryAsync(None)).Records);
    }

    [Fact]
    public async Task A_record_with_thousands_of_problems_is_refused_with_a_bounded_outcome()
    {
        await Gateway.DisposeAsync();
        Gateway = await GatewayFixture.StartAsync(Folder.Path, Partner.BaseUrl, Configure,
            services: s => s.AddSingleton<IRecordMapper, RecordMapper>());
        var items = string.Join(",", Enumerable.Repeat("{}", RecordJson.MaxArrayItems));

        // the record contract (the kind's JSON Schema) refuses every empty medication at intake, before any mapping
        using var response = await Gateway.PostAsync(Records.Bytes("a1", "p1", kind: "assessment",
            extra: $",\"recordedBy\":{{\"id\":\"u1\",\"name\":\"N\"}},\"milestone\":\"intake\",\"performedAt\":\"2026-03-01T09:00:00Z\",\"medications\":[{items}]"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(body.Length < 64 * 1024, $"{body.Length} bytes");
        using var outcome = JsonDocument.Parse(body);
        var issues = outcome.RootElement.GetProperty("issue");
        Assert.InRange(issues.GetArrayLength(), 2, IssueLimit.Default + 1);
        var summary = issues[issues.GetArrayLength() - 1].GetProperty("details");
        Assert.Equal(IssueCatalogue.IssuesTruncated.Id, summary.GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal(0, (await Gateway.Store.SummaryAsync(None)).Records);
    }

    [Fact]
    public async Task The_same_size_limit_parks_a_stored_record_larger_than_it()
    {
        await Gateway.DisposeAsync();
        Gateway = await GatewayFixture.StartAsync(Folder.Path, Partner.BaseUrl, s => { Configure(s); s["Intake:MaxRecordBytes"] = "300"; });
        var large = Records.Bytes("r1", "p1", extra: $",\"note\":\"{new string('x', 400)}\"");
        var other = new FhirGateway.Runtime.Store.Sqlite.SqliteGatewayStore(Path.Combine(Folder.Path, "gateway.db"), TimeProvider.System);
        await other.AcceptAsync(new FhirGateway.Runtime.Store.RecordSubmission(Records.Envelope("r1", "p1"), large, "cli"), None);

        await Gateway.WaitForAsync(s => s.RecordsParked == 1, "the record to be parked");

        Assert.Contains((await Gateway.Store.ListParkedAsync(None)), p => p.OperationOutcome.Contains(IssueCatalogue.GatewayIntakeTooLarge.Id, StringComparison.Ordinal));
    }
}
