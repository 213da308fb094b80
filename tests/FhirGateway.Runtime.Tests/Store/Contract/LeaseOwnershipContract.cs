using FhirGateway.Runtime.Store;
using FhirGateway.Testing.Store;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.Store.Contract;

/// <summary>The store contract: every transition of a leased delivery belongs to its lease holder: a worker whose lease was taken over changes nothing and writes no ledger entry.</summary>
public abstract class LeaseOwnershipContract<TStore>(StoreFixture<TStore> fixture) : IAsyncLifetime
    where TStore : class, IGatewayStore, IInboundStore, IPartnerStateStore, IStoredResourceReader
{
    private readonly StoreFixture<TStore> _f = fixture;
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    public Task InitializeAsync() => _f.InitializeAsync();
    public Task DisposeAsync() => _f.DisposeAsync();

    /// <summary>Worker "old" claims, its lease expires, worker "new" claims the same delivery.</summary>
    private async Task<long> TakenOverAsync()
    {
        await _f.RouteAsync("r1", "p1", "hosp");
        var old = Assert.Single(await _f.Store.ClaimDeliveriesAsync("hosp", "old", 10, Lease, None));
        _f.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var taken = Assert.Single(await _f.Store.ClaimDeliveriesAsync("hosp", "new", 10, Lease, None));
        Assert.Equal(old.Id, taken.Id);
        return old.Id;
    }

    private static LedgerDraft Draft(string step) => new(step, "r1@1", "p1") { PartnerId = "hosp" };

    public static TheoryData<string> Transitions => ["delivered", "retry", "split", "parked", "held"];

    [EngineTheory]
    [MemberData(nameof(Transitions))]
    public async Task A_worker_whose_lease_was_taken_over_moves_nothing_and_writes_no_ledger_entry(string transition)
    {
        var id = await TakenOverAsync();
        var before = (await _f.Store.TraceAsync("r1", null, None)).Count;

        var moved = transition switch
        {
            "delivered" => await _f.Store.MarkDeliveredAsync([new(id, "audit-1", "{}"u8.ToArray())], "old", [Draft(LedgerSteps.PartnerResponse)], None),
            "retry" => await _f.Store.ScheduleRetryAsync([id], "old", _f.Time.GetUtcNow(), "503", null, [Draft(LedgerSteps.PartnerResponse)], None),
            "split" => await _f.Store.SplitAsync([id], "old", [Draft(LedgerSteps.PartnerResponse)], None),
            "parked" => await _f.Store.ParkDeliveriesAsync([id], "old", "400", "{}", [], [Draft(LedgerSteps.Parked)], None),
            _ => await _f.Store.HoldDeliveriesAsync([id], "old", "no-consent", [Draft(LedgerSteps.Held)], None),
        };

        Assert.Equal(0, moved);
        Assert.Equal(before, (await _f.Store.TraceAsync("r1", null, None)).Count);
        Assert.Empty(await _f.Store.ListAuditEventsAsync("r1@1", None));
        var summary = await _f.Store.SummaryAsync(None);
        Assert.Equal((0, 0, 0), (summary.DeliveriesDelivered, summary.DeliveriesParked, summary.DeliveriesHeld));
        Assert.Equal(1, await _f.Store.MarkDeliveredAsync([new(id, "audit-2", "{}"u8.ToArray())], "new", [Draft(LedgerSteps.PartnerResponse)], None));
    }

    [EngineFact]
    public async Task The_lease_holder_moves_its_delivery_and_its_ledger_entries_are_written()
    {
        await _f.RouteAsync("r1", "p1", "hosp");
        var claimed = Assert.Single(await _f.Store.ClaimDeliveriesAsync("hosp", "w", 10, Lease, None));

        var moved = await _f.Store.ScheduleRetryAsync([claimed.Id], "w", _f.Time.GetUtcNow(), "503", null, [Draft(LedgerSteps.PartnerResponse)], None);

        Assert.Equal(1, moved);
        Assert.Equal(LedgerSteps.PartnerResponse, (await _f.Store.TraceAsync("r1", null, None))[^1].Step);
    }
}
