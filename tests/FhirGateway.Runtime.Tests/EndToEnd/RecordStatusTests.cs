using System.Net;
using System.Text.Json;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.EndToEnd;

/// <summary><c>GET /records/{receipt}</c>: a sender holding a receipt can see where its record stands, and why.</summary>
public sealed class RecordStatusTests : GatewayTestBase
{
    [Fact]
    public async Task A_delivered_record_shows_routed_with_each_partners_delivery()
    {
        await ConsentAsync("p1");
        var receipt = await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2, "deliveries");

        using var status = await StatusAsync(receipt);

        Assert.Equal(("r1@1", "biomarker-panel", "routed"), (Text(status, "recordKey"), Text(status, "kind"), Text(status, "state")));
        var delivery = Assert.Single(status.RootElement.GetProperty("deliveries").EnumerateArray());
        Assert.Equal((GatewayFixture.PartnerId, "delivered", 1), (Text(delivery, "partner"), Text(delivery, "status"), delivery.GetProperty("attempts").GetInt32()));
        Assert.False(delivery.TryGetProperty("nextAttemptAt", out _));
        Assert.False(status.RootElement.TryGetProperty("parked", out _));
    }

    [Fact]
    public async Task A_record_without_consent_shows_its_delivery_held_with_the_reason()
    {
        var receipt = await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.WaitForAsync(s => s.DeliveriesHeld == 1, "a held delivery");

        using var status = await StatusAsync(receipt);

        var delivery = Assert.Single(status.RootElement.GetProperty("deliveries").EnumerateArray());
        Assert.Equal(("held", "no-consent"), (Text(delivery, "status"), Text(delivery, "holdReason")));
    }

    [Fact]
    public async Task A_parked_record_shows_the_step_and_the_OperationOutcome_that_stopped_it()
    {
        await ConsentAsync("p1");
        var receipt = await Gateway.SubmitAsync(Records.Bytes("r1", "p1", extra: ",\"invalid\":true"));
        await Gateway.WaitForAsync(s => s.RecordsParked == 1, "a parked record");

        using var status = await StatusAsync(receipt);

        Assert.Equal("parked", Text(status, "state"));
        var parked = status.RootElement.GetProperty("parked");
        Assert.Equal("validation", Text(parked, "step"));
        Assert.Equal("OperationOutcome", Text(parked.GetProperty("outcome"), "resourceType"));
        Assert.Empty(status.RootElement.GetProperty("deliveries").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_receipt_gets_404_with_an_OperationOutcome_and_no_key_gets_401()
    {
        using var unknown = await Gateway.GetRecordAsync("rcpt-0000");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("gw-unknown-receipt", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var receipt = await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        using var anonymous = await Gateway.GetRecordAsync(receipt, apiKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private async Task<JsonDocument> StatusAsync(string receipt)
    {
        using var response = await Gateway.GetRecordAsync(receipt);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var status = JsonDocument.Parse(body);
        Assert.Equal(receipt, Text(status, "receiptId"));
        return status;
    }

    private static string? Text(JsonDocument document, string name) => Text(document.RootElement, name);

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();
}
