using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Tests.Support;
using FhirGateway.Testing.Store;

namespace FhirGateway.Runtime.Tests.Store.Contract;

/// <summary>
/// The store contract under competition: several store instances over one database (as several gateway processes
/// would open it) claim and deliver at once. No record or delivery is leased twice, each patient's records reach the
/// partner in order, and the ledger stays one intact chain.
/// </summary>
public abstract class ConcurrencyContract<TStore>(StoreFixture<TStore> fixture) : IAsyncLifetime
    where TStore : class, IGatewayStore, IInboundStore, IPartnerStateStore, IStoredResourceReader
{
    private readonly StoreFixture<TStore> _f = fixture;
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private const int Instances = 4;
    private const int Patients = 6;
    private const int PerPatient = 5;

    public Task InitializeAsync() => _f.InitializeAsync();
    public Task DisposeAsync() => _f.DisposeAsync();

    private async Task AcceptAllAsync()
    {
        for (var n = 0; n < PerPatient; n++)
            for (var p = 0; p < Patients; p++)
                await _f.AcceptAsync($"r{p}-{n}", $"p{p}");
    }

    private List<TStore> OpenInstances() => Enumerable.Range(0, Instances).Select(_ => _f.Open(_f.Time, _f.Keys)).ToList();

    [EngineFact]
    public async Task Competing_pipelines_route_every_record_once_and_each_patients_records_in_order()
    {
        await AcceptAllAsync();
        var routed = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await Task.WhenAll(OpenInstances().Select((store, i) => Task.Run(async () =>
        {
            var owner = "pipeline-" + i;
            while (true)
            {
                var claimed = await store.ClaimRecordAsync(owner, Lease, None);
                if (claimed is null)
                {
                    if ((await store.SummaryAsync(None)).RecordsWaiting == 0) return;
                    await Task.Delay(5);
                    continue;
                }
                Assert.True(await store.RouteRecordAsync(StoreFixture<TStore>.Routing(claimed, "hosp"), owner,
                    [new LedgerDraft(LedgerSteps.Mapped, claimed.Envelope.Key, claimed.Envelope.PatientId)], None));
                routed.Enqueue(claimed.Envelope.Key);
            }
        })));

        Assert.Equal(Patients * PerPatient, routed.Count);
        Assert.Equal(routed.Count, routed.Distinct().Count());
        await AssertLedgerOrderAsync(LedgerSteps.Mapped);
    }

    [EngineFact]
    public async Task Competing_delivery_workers_deliver_every_record_once_and_each_patients_records_in_order()
    {
        await AcceptAllAsync();
        for (var i = 0; i < Patients * PerPatient; i++)
        {
            var claimed = await _f.Store.ClaimRecordAsync("pipeline", Lease, None);
            Assert.True(await _f.Store.RouteRecordAsync(StoreFixture<TStore>.Routing(claimed!, "hosp"), "pipeline", [], None));
        }
        var delivered = new System.Collections.Concurrent.ConcurrentQueue<long>();
        await Task.WhenAll(OpenInstances().Select((store, i) => Task.Run(async () =>
        {
            var owner = "delivery-" + i;
            for (var idle = 0; idle < 50;)
            {
                var batch = await store.ClaimDeliveriesAsync("hosp", owner, 3, Lease, None);
                if (batch.Count == 0)
                {
                    idle++;
                    await Task.Delay(5);
                    continue;
                }
                idle = 0;
                var moved = await store.MarkDeliveredAsync(batch.Select(d => new DeliveredItem(d.Id, $"ae-{d.Id}", "{}"u8.ToArray())).ToList(), owner,
                    batch.Select(d => new LedgerDraft(LedgerSteps.PartnerResponse, d.RecordKey, d.PatientId) { PartnerId = "hosp", Status = "200" }).ToList(), None);
                Assert.Equal(batch.Count, moved);
                foreach (var d in batch) delivered.Enqueue(d.Id);
            }
        })));

        Assert.Equal(Patients * PerPatient, delivered.Count);
        Assert.Equal(delivered.Count, delivered.Distinct().Count());
        Assert.Equal(Patients * PerPatient, (await _f.Store.SummaryAsync(None)).DeliveriesDelivered);
        await AssertLedgerOrderAsync(LedgerSteps.PartnerResponse);
    }

    /// <summary>The ledger verifies, and per patient the entries of the step name its records in the order they were received.</summary>
    private async Task AssertLedgerOrderAsync(string step)
    {
        var verified = await LedgerVerifier.VerifyAsync(_f.Store.ReadLedgerAsync(None), _f.Keys, [], None);
        Assert.True(verified.Intact, verified.Reason);
        var entries = new List<LedgerEntry>();
        await foreach (var e in _f.Store.ReadLedgerAsync(None)) entries.Add(e);
        foreach (var patient in entries.Where(e => e.Step == step).GroupBy(e => e.Draft.PatientId))
            Assert.Equal(Enumerable.Range(0, PerPatient).Select(n => $"r{patient.Key[1..]}-{n}@1"), patient.Select(e => e.RecordKey));
    }
}
