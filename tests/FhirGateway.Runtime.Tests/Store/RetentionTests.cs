using Microsoft.Extensions.DependencyInjection;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Tests.EndToEnd;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.Store;

/// <summary>Pruning: delivered records lose their payloads and resources, the ledger keeps their hashes and stays intact.</summary>
public sealed class RetentionTests : GatewayTestBase
{
    [Fact]
    public async Task Pruning_removes_the_payloads_of_delivered_records_only_and_the_ledger_keeps_their_hashes()
    {
        await ConsentAsync("p1");
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.SubmitAsync(Records.Bytes("r2", "p2"));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2 && s.DeliveriesHeld == 1, "two delivered, one held");
        var received = (await Gateway.Store.TraceAsync("r1@1", null, None)).Single(e => e.Step == LedgerSteps.Received);

        Assert.Equal(0, await Gateway.Store.PruneDeliveredAsync(Records.Start.AddMinutes(-1), None));
        var pruned = await Gateway.Store.PruneDeliveredAsync(Records.Start.AddDays(1), None);

        Assert.Equal(2, pruned);
        var r1 = await Gateway.Store.GetRecordAsync("r1@1", None);
        Assert.True(r1!.Pruned);
        Assert.All(r1.Resources, r => Assert.True(r.Json.IsEmpty));
        var entry = Assert.Single(r1.Ledger, e => e.Step == LedgerSteps.Pruned);
        Assert.Equal(received.Draft.PayloadHash, entry.Draft.PayloadHash);
        Assert.False((await Gateway.Store.GetRecordAsync("r2@1", None))!.Pruned);
        var keys = Gateway.App.Services.GetRequiredService<LedgerKeyRing>();
        var verified = await LedgerVerifier.VerifyAsync(Gateway.Store.ReadLedgerAsync(None), keys, [], None);
        Assert.True(verified.Intact, verified.Reason);
        using var again = await Gateway.PostAsync(Records.Bytes("r1", "p1"));
        Assert.Equal(System.Net.HttpStatusCode.OK, again.StatusCode);
    }
}
