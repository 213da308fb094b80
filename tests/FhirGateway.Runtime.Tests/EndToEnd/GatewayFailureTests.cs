using FhirGateway.Mapping;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Runtime.Tests.EndToEnd;

public sealed class GatewayFailureTests : GatewayTestBase
{
    private sealed class BrokenBundleBuilder : ITransactionBundleBuilder
    {
        public TransactionBundle Build(IReadOnlyList<MappedRecord> records) => throw new InvalidOperationException("bundle builder bug");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Gateway.DisposeAsync();
        Gateway = await GatewayFixture.StartAsync(Folder.Path, Partner.BaseUrl, s => s["Delivery:MaxAttempts"] = "2",
            services: s => s.AddSingleton<ITransactionBundleBuilder, BrokenBundleBuilder>());
    }

    [Fact]
    public async Task A_failure_of_the_gateway_while_delivering_is_retried_with_backoff_then_parked_never_lost()
    {
        await ConsentAsync("p1");
        await Gateway.WaitForStepAsync("consent-1", LedgerSteps.RetryScheduled);
        var retry = (await Gateway.Store.TraceAsync("consent-1", null, None))[^1];
        Assert.Equal("gateway-error", retry.Draft.Status);
        Assert.Contains("InvalidOperationException; retry at", retry.Draft.Detail, StringComparison.Ordinal);

        Gateway.Advance(TimeSpan.FromMinutes(1));
        await Gateway.WaitForAsync(s => s.DeliveriesParked == 1, "parked after the last attempt");

        var parked = Assert.Single(await Gateway.Store.ListParkedAsync(None));
        Assert.Contains("gw-partner-gave-up", parked.OperationOutcome, StringComparison.Ordinal);
        Assert.Equal(0, Partner.Posts);
    }
}
