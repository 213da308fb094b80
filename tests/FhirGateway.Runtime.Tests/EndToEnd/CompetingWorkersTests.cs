using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.EndToEnd;

public sealed class CompetingWorkersTests : GatewayTestBase
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Partners:0:BatchSize"] = "3";

    [Fact]
    public async Task Two_gateways_competing_on_one_store_send_each_record_once_and_in_order()
    {
        await using var second = await StartGatewayAsync(Gateway.Time);
        const int patients = 3, perPatient = 8;
        for (var p = 0; p < patients; p++) await ConsentAsync($"p{p}", $"consent-{p}");
        for (var i = 0; i < perPatient; i++)
            for (var p = 0; p < patients; p++)
            {
                Partner.Faults.Enqueue(new StubFault(Delay: TimeSpan.FromMilliseconds(20)));
                await (i % 2 == 0 ? Gateway : second).SubmitAsync(Records.Bytes($"r{p}-{i}", $"p{p}"));
            }

        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == patients * (perPatient + 1), "every delivery");

        var ledger = new List<LedgerEntry>();
        await foreach (var e in Gateway.Store.ReadLedgerAsync(None)) ledger.Add(e);
        var sent = ledger.Where(e => e.Step == LedgerSteps.Sent).ToList();
        Assert.Equal(patients * (perPatient + 1), sent.Count);
        Assert.Equal(sent.Count, sent.Select(e => e.RecordKey).Distinct().Count());
        Assert.Equal(patients * perPatient, Partner.Server.Count("Observation"));
        for (var p = 0; p < patients; p++)
            Assert.Equal([$"consent-{p}@1", .. Enumerable.Range(0, perPatient).Select(i => $"r{p}-{i}@1")],
                sent.Where(e => e.Draft.PatientId == $"p{p}").Select(e => e.RecordKey));
        Assert.True((await Gateway.VerifyLedgerAsync()).Intact);
    }
}
