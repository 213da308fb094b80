using System.Net;
using System.Text;
using System.Text.Json;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.EndToEnd;

public sealed class IntakeTests : GatewayTestBase
{
    // the pipeline is kept busy-free: no partner follows anyone, so records stay where intake put them
    protected override void Configure(Dictionary<string, string?> settings) => settings["Partners:0:Patients:0"] = "nobody";

    [Fact]
    public async Task Answers_202_with_a_receipt_only_once_the_record_is_stored()
    {
        using var response = await Gateway.PostAsync(Records.Bytes("r1", "p1"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var receiptId = receipt.RootElement.GetProperty("receiptId").GetString();
        Assert.StartsWith("rcpt-", receiptId);
        Assert.Equal("r1@1", receipt.RootElement.GetProperty("recordKey").GetString());
        var stored = await Gateway.Store.TraceAsync("r1", null, None);
        Assert.Contains(stored, e => e.Step == "received" && e.Draft.Detail!.Contains(receiptId!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeat_gets_200_with_the_original_receipt_and_is_stored_once()
    {
        using var first = await Gateway.PostAsync(Records.Bytes("r1", "p1"));
        using var again = await Gateway.PostAsync(Records.Bytes("r1", "p1"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(ReceiptId(await first.Content.ReadAsStringAsync()), ReceiptId(await again.Content.ReadAsStringAsync()));
        Assert.Equal(1, (await Gateway.Store.SummaryAsync(None)).Records);
    }

    [Fact]
    public async Task The_same_id_and_version_with_other_content_gets_409_with_an_OperationOutcome()
    {
        (await Gateway.PostAsync(Records.Bytes("r1", "p1"))).Dispose();
        using var response = await Gateway.PostAsync(Records.Bytes("r1", "p1", extra: ",\"note\":\"other\""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("gw-intake-conflict", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_body_gets_400_with_an_OperationOutcome_naming_each_problem_and_stores_nothing()
    {
        using var response = await Gateway.PostAsync(Encoding.UTF8.GetBytes("""{"recordId":"r1","kind":"x-ray","patient":{}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        using var outcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("OperationOutcome", outcome.RootElement.GetProperty("resourceType").GetString());
        var expressions = outcome.RootElement.GetProperty("issue").EnumerateArray().Select(i => i.GetProperty("expression")[0].GetString()).ToList();
        Assert.Contains("version", expressions);
        Assert.Contains("kind", expressions);
        Assert.Contains("patient.id", expressions);
        Assert.Contains("recordedAt", expressions);
        Assert.Equal(0, (await Gateway.Store.SummaryAsync(None)).Records);
    }

    [Fact]
    public async Task Text_that_is_not_JSON_gets_400()
    {
        using var response = await Gateway.PostAsync(Encoding.UTF8.GetBytes("recordId=r1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("record-malformed-json", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_valid_key_the_answer_is_401_with_an_OperationOutcome()
    {
        using var none = await Gateway.PostAsync(Records.Bytes("r1", "p1"), apiKey: null);
        using var wrong = await Gateway.PostAsync(Records.Bytes("r1", "p1"), apiKey: "guess");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("gw-intake-unauthenticated", await none.Content.ReadAsStringAsync());
        Assert.Equal(0, (await Gateway.Store.SummaryAsync(None)).Records);
    }

    [Fact]
    public async Task A_bearer_token_is_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/records") { Content = new ByteArrayContent(Records.Bytes("r1", "p1")) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Authorization = new("Bearer", "test-bearer-1");
        using var response = await Gateway.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_record_over_the_size_limit_gets_413()
    {
        var big = Records.Bytes("r1", "p1", extra: $",\"note\":\"{new string('x', 1024 * 1024)}\"");
        using var response = await Gateway.PostAsync(big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("gw-intake-too-large", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_by_content_type_gets_415()
    {
        using var response = await Gateway.PostAsync(Records.Bytes("r1", "p1"), contentType: "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Inbox_files_are_stored_then_moved_to_processed_and_bad_ones_to_rejected_with_their_outcome()
    {
        var inbox = Path.Combine(Folder.Path, "inbox");
        Directory.CreateDirectory(inbox);
        await File.WriteAllBytesAsync(Path.Combine(inbox, "good.json"), Records.Bytes("r1", "p1"));
        await File.WriteAllTextAsync(Path.Combine(inbox, "bad.json"), """{"recordId":"r2"}""");

        await WaitForFileAsync(Path.Combine(inbox, "processed", "good.json"));
        await WaitForFileAsync(Path.Combine(inbox, "rejected", "bad.outcome.json"));

        Assert.True(File.Exists(Path.Combine(inbox, "rejected", "bad.json")));
        Assert.Contains("record-missing-field", await File.ReadAllTextAsync(Path.Combine(inbox, "rejected", "bad.outcome.json")));
        Assert.Equal(1, (await Gateway.Store.SummaryAsync(None)).Records);
        Assert.Empty(Directory.GetFiles(inbox));
    }

    [Fact]
    public async Task A_record_stored_by_another_process_is_picked_up_by_the_running_gateway()
    {
        // fhirgw ingest opens the same SQLite file with its own store and connections
        var other = new FhirGateway.Runtime.Store.Sqlite.SqliteGatewayStore(Path.Combine(Folder.Path, "gateway.db"), TimeProvider.System);
        await other.InitializeAsync(None);
        await other.AcceptAsync(new FhirGateway.Runtime.Store.RecordSubmission(Records.Envelope("r1", "p1"), Records.Bytes("r1", "p1"), "cli"), None);

        await Gateway.WaitForAsync(s => s.RecordsRouted == 1, "the gateway to route the record");
    }

    private static async Task WaitForFileAsync(string path)
    {
        for (var i = 0; i < 200 && !File.Exists(path); i++) await Task.Delay(25);
        Assert.True(File.Exists(path), path + " did not appear");
    }

    private static string? ReceiptId(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("receiptId").GetString();
    }
}
