using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.EndToEnd;

public sealed class InlineRetryTests : GatewayTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Delivery:InlineRetries"] = "2";
        settings["Delivery:InlineRetryDelay"] = "00:00:00.01";
    }

    [Fact]
    public async Task A_brief_5xx_is_retried_within_the_attempt_and_a_short_Retry_After_is_waited_for_inline()
    {
        await ConsentAsync("p1");
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 1, "the consent");
        Partner.Faults.Enqueue(new StubFault(Status: 503));
        Partner.Faults.Enqueue(new StubFault(Status: 429, RetryAfter: 1));
        var started = DateTime.UtcNow;
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));

        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2, "delivery within one attempt");

        Assert.Equal(4, Partner.Posts);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the one-second Retry-After was not waited for");
        var response = Assert.Single(await Gateway.Store.TraceAsync("r1", null, None), e => e.Step == LedgerSteps.PartnerResponse);
        Assert.Equal("200", response.Draft.Status);
    }

    [Fact]
    public async Task A_long_Retry_After_is_left_to_the_durable_queue()
    {
        await ConsentAsync("p1");
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 1, "the consent");
        Partner.Faults.Enqueue(new StubFault(Status: 429, RetryAfter: 600));
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));

        await Gateway.WaitForStepAsync("r1", LedgerSteps.PartnerResponse);

        Assert.Equal(2, Partner.Posts);
        Assert.Contains("retry at 2026-03-01T09:10:00.000Z", (await Gateway.Store.TraceAsync("r1", null, None))[^1].Draft.Detail, StringComparison.Ordinal);
    }
}

public sealed class ConnectionFailureTests : GatewayTestBase
{
    // a loopback port nothing listens on: connections are refused at once
    protected override void Configure(Dictionary<string, string?> settings) => settings["Partners:0:BaseUrl"] = "http://127.0.0.1:9/fhir";

    [Fact]
    public async Task A_partner_that_cannot_be_reached_gets_the_delivery_later_and_nothing_is_lost_or_recorded_as_sent()
    {
        await ConsentAsync("p1");

        await Gateway.WaitForStepAsync("consent-1", LedgerSteps.RetryScheduled);

        var trace = await Gateway.Store.TraceAsync("consent-1", null, None);
        var response = trace[^1];
        Assert.StartsWith("connection", response.Draft.Status, StringComparison.Ordinal);
        Assert.Contains("retry at", response.Draft.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(trace, e => e.Step is LedgerSteps.Sent or LedgerSteps.PartnerResponse);
        Assert.Equal(1, (await Gateway.Store.SummaryAsync(None)).DeliveriesPending);
    }
}
