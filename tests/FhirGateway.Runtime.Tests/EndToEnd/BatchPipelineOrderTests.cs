using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.EndToEnd;

public sealed class BatchPipelineOrderTests : GatewayTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Pipeline:Workers"] = "4";
        settings["Pipeline:BatchSize"] = "4";
        settings["Partners:0:BatchSize"] = "5";
    }

    [Fact]
    public async Task Several_batching_pipeline_workers_deliver_each_patients_records_once_and_in_order()
    {
        const int patients = 6, perPatient = 6;
        for (var p = 0; p < patients; p++) await ConsentAsync($"p{p}", $"consent-{p}");
        // each patient's records in order, the patients at once: batches mix patients, and a patient's next record
        // often waits while its previous one is in another worker's batch
        await Task.WhenAll(Enumerable.Range(0, patients).Select(async p =>
        {
            for (var i = 0; i < perPatient; i++) await Gateway.SubmitAsync(Records.Bytes($"r{p}-{i}", $"p{p}"));
        }));

        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == patients * (perPatient + 1), "every delivery");

        var sent = new List<LedgerEntry>();
        await foreach (var e in Gateway.Store.ReadLedgerAsync(None))
            if (e.Step == LedgerSteps.Sent) sent.Add(e);
        Assert.Equal(sent.Count, sent.Select(e => e.RecordKey).Distinct().Count());
        for (var p = 0; p < patients; p++)
            Assert.Equal([$"consent-{p}@1", .. Enumerable.Range(0, perPatient).Select(i => $"r{p}-{i}@1")],
                sent.Where(e => e.Draft.PatientId == $"p{p}").Select(e => e.RecordKey));
        Assert.True((await Gateway.VerifyLedgerAsync()).Intact);
    }
}
