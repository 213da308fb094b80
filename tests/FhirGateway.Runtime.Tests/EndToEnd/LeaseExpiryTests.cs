using Microsoft.Extensions.DependencyInjection;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.EndToEnd;

public sealed class LeaseExpiryTests : GatewayTestBase
{
    [Fact]
    public async Task A_worker_whose_lease_expired_mid_send_writes_no_outcome_and_the_worker_that_took_over_owns_it()
    {
        Partner.Faults.Enqueue(new StubFault(Delay: TimeSpan.FromSeconds(3)));
        await ConsentAsync("p1");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Partner.Posts == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(1, Partner.Posts);

        await using var second = await StartGatewayAsync(Gateway.Time);
        second.Advance(TimeSpan.FromMinutes(6)); // past the first worker's 5-minute lease, while its POST is still out
        await second.WaitForAsync(s => s.DeliveriesDelivered == 1, "the second worker's delivery");
        await Task.Delay(TimeSpan.FromSeconds(4)); // the first worker's slow answer arrives and it tries to record it

        var trace = await Gateway.Store.TraceAsync("consent-1", null, None);
        Assert.Equal(2, Partner.Posts);
        Assert.Single(trace, e => e.Step == LedgerSteps.Sent);
        Assert.Single(trace, e => e.Step == LedgerSteps.PartnerResponse);
        Assert.Single(await Gateway.Store.ListAuditEventsAsync("consent-1@1", None));
        Assert.True((await Gateway.VerifyLedgerAsync()).Intact);
    }
}
