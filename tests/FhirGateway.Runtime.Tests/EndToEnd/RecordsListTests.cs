using System.Net;
using FhirGateway.Runtime.Ledger;
using System.Net.Sockets;
using System.Text.Json;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.EndToEnd;

/// <summary><c>GET /records</c> and <c>POST /records/_search</c>: records by state, partner, patient and kind, paged by cursor; and the receipt's Location.</summary>
public sealed class RecordsListTests : GatewayTestBase
{
    private async Task<JsonDocument> ListAsync(string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/records" + query);
        request.Headers.Add("X-Api-Key", GatewayFixture.ApiKey);
        using var response = await Gateway.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static List<string> Keys(JsonDocument page) =>
        page.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("recordKey").GetString()!).ToList();

    [Fact]
    public async Task Records_are_listed_newest_first_by_state_with_their_partner_states_and_reason()
    {
        await ConsentAsync("p1");
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.SubmitAsync(Records.Bytes("r2", "p2"));
        await Gateway.SubmitAsync(Records.Bytes("r3", "p1", extra: ",\"invalid\":true"));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2 && s.DeliveriesHeld == 1 && s.RecordsParked == 1, "delivered, held and parked");

        using var all = await ListAsync("");
        Assert.Equal(["r3@1", "r2@1", "r1@1", "consent-1@1"], Keys(all));
        using var held = await ListAsync("?state=held");
        var record = Assert.Single(held.RootElement.GetProperty("records").EnumerateArray());
        Assert.Equal("r2@1", record.GetProperty("recordKey").GetString());
        Assert.Equal("hosp-a: no-consent", record.GetProperty("reason").GetString());
        Assert.Equal("held", record.GetProperty("partners")[0].GetProperty("status").GetString());
        using var parked = await ListAsync("?state=parked");
        Assert.Equal(["r3@1"], Keys(parked));
        Assert.StartsWith("validation: ", parked.RootElement.GetProperty("records")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        using var delivered = await ListAsync("?state=delivered&partner=hosp-a");
        Assert.Equal(["r1@1", "consent-1@1"], Keys(delivered));
    }

    [Fact]
    public async Task Pages_follow_the_cursor_without_repeating_or_skipping_a_record()
    {
        for (var i = 0; i < 5; i++) await Gateway.SubmitAsync(Records.Bytes($"r{i}", "p1"));
        var seen = new List<string>();
        string page = "";
        do
        {
            using var listed = await ListAsync($"?limit=2{page}");
            seen.AddRange(Keys(listed));
            var next = listed.RootElement.GetProperty("next");
            page = next.ValueKind == JsonValueKind.Number ? $"&page={next.GetInt64()}" : "";
        }
        while (page.Length > 0);
        Assert.Equal(["r4@1", "r3@1", "r2@1", "r1@1", "r0@1"], seen);
    }

    [Fact]
    public async Task A_patient_filter_is_refused_in_the_url_and_taken_from_a_form()
    {
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.SubmitAsync(Records.Bytes("r2", "p2"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/records?patient=p1");
        request.Headers.Add("X-Api-Key", GatewayFixture.ApiKey);
        using var refused = await Gateway.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("never sent in a URL", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var search = new HttpRequestMessage(HttpMethod.Post, "/records/_search") { Content = new FormUrlEncodedContent([new("patient", "p2")]) };
        search.Headers.Add("X-Api-Key", GatewayFixture.ApiKey);
        using var found = await Gateway.Http.SendAsync(search);
        using var page = JsonDocument.Parse(await found.Content.ReadAsStringAsync());
        Assert.Equal(["r2@1"], Keys(page));
    }

    [Fact]
    public async Task A_bad_filter_gets_400_naming_it()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/records?state=lost&since=yesterday");
        request.Headers.Add("X-Api-Key", GatewayFixture.ApiKey);
        using var response = await Gateway.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("state 'lost' is not one of waiting, routed, delivered, parked, held", text, StringComparison.Ordinal);
        Assert.Contains("since 'yesterday' is not a date", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_accepted_record_answers_with_the_Location_of_its_status()
    {
        using var response = await Gateway.PostAsync(Records.Bytes("r1", "p1"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("/records/" + receipt.RootElement.GetProperty("receiptId").GetString(), response.Headers.Location!.OriginalString);
    }
}

/// <summary>The status of a record whose partner cannot be reached names the cause: the refused address.</summary>
public sealed class LastFailureTests : GatewayTestBase
{
    private int _closedPort;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        _closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        settings["Partners:0:BaseUrl"] = $"http://127.0.0.1:{_closedPort}/fhir";
    }

    [Fact]
    public async Task A_refused_connection_is_shown_as_connection_refused_by_the_address()
    {
        await ConsentAsync("p1");
        await Gateway.WaitForAsync(s => s.DeliveriesPending == 1 && s.DeliveriesDelivered == 0, "consent pending");
        await Gateway.WaitForStepAsync("consent-1@1", LedgerSteps.RetryScheduled); // nothing reached the partner: no partner-response
        var detail = await Gateway.Store.GetRecordAsync("consent-1@1", None);
        var delivery = Assert.Single(detail!.Status.Deliveries);
        Assert.Equal($"connection refused by 127.0.0.1:{_closedPort}", delivery.LastFailure);
        using var status = await Gateway.GetRecordAsync(detail.Status.ReceiptId);
        Assert.Contains($"\"lastFailure\": \"connection refused by 127.0.0.1:{_closedPort}\"", await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
