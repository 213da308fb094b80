using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.EndToEnd;

public sealed class RestartTests : GatewayTestBase
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Partners:0:BatchSize"] = "2";

    [Fact]
    public async Task Stopping_the_host_mid_run_and_starting_it_again_loses_nothing_and_duplicates_nothing()
    {
        const int patients = 4, perPatient = 6;
        for (var p = 0; p < patients; p++) await ConsentAsync($"p{p}", $"consent-{p}");
        for (var i = 0; i < perPatient; i++)
            for (var p = 0; p < patients; p++)
            {
                Partner.Faults.Enqueue(new StubFault(Delay: TimeSpan.FromMilliseconds(40)));
                await Gateway.SubmitAsync(Records.Bytes($"r{p}-{i}", $"p{p}"));
            }
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered >= 6, "some deliveries");

        var time = Gateway.Time;
        await Gateway.DisposeAsync(); // stops mid-run: leases are given back
        var midway = Partner.Server.Count("Observation");
        Gateway = await StartGatewayAsync(time);

        var total = patients * (perPatient + 1);
        var summary = await Gateway.WaitForAsync(s => s.DeliveriesDelivered == total, "every delivery after the restart");

        Assert.True(midway < patients * perPatient, $"the host was stopped after {midway} observations: too late to prove anything");
        Assert.Equal(total, summary.Records);
        Assert.Equal(0, summary.DeliveriesPending + summary.DeliveriesParked + summary.DeliveriesHeld);
        Assert.Equal(patients, Partner.Server.Count("Patient"));
        Assert.Equal(patients * perPatient, Partner.Server.Count("Observation"));
        Assert.True((await Gateway.VerifyLedgerAsync()).Intact);
        for (var p = 0; p < patients; p++)
        {
            var sent = (await Gateway.Store.TraceAsync(null, $"p{p}", None)).Where(e => e.Step == LedgerSteps.Sent).Select(e => e.RecordKey).Distinct().ToList();
            Assert.Equal([$"consent-{p}@1", .. Enumerable.Range(0, perPatient).Select(i => $"r{p}-{i}@1")], sent);
        }
    }
}
