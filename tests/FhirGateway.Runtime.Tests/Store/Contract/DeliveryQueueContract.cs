using FhirGateway.Testing.Store;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.Store.Contract;

/// <summary>The store contract for the delivery queue: per-patient order, retries, holds, splits, expired leases.</summary>
public abstract class DeliveryQueueContract<TStore>(StoreFixture<TStore> fixture) : IAsyncLifetime
    where TStore : class, IGatewayStore, IInboundStore, IPartnerStateStore, IStoredResourceReader
{
    private readonly StoreFixture<TStore> _f = fixture;
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    public Task InitializeAsync() => _f.InitializeAsync();
    public Task DisposeAsync() => _f.DisposeAsync();

    private async Task<List<string>> ClaimAsync(string owner = "w", int max = 10, string partner = "hosp") =>
        (await _f.Store.ClaimDeliveriesAsync(partner, owner, max, Lease, None)).Select(d => d.RecordKey).ToList();

    [EngineFact]
    public async Task A_batch_takes_one_record_per_patient_in_order_and_never_a_later_record_of_a_patient_in_flight()
    {
        await _f.RouteAsync("a1", "pa", "hosp");
        await _f.RouteAsync("b1", "pb", "hosp");
        await _f.RouteAsync("a2", "pa", "hosp");

        var first = await ClaimAsync("w1", max: 1);
        var second = await ClaimAsync("w2");

        Assert.Equal(["a1@1"], first);
        Assert.Equal(["b1@1"], second);
    }

    [EngineFact]
    public async Task A_record_waits_for_the_earlier_record_of_its_patient_that_is_scheduled_for_retry()
    {
        await _f.RouteAsync("a1", "pa", "hosp");
        await _f.RouteAsync("a2", "pa", "hosp");
        var claimed = await _f.Store.ClaimDeliveriesAsync("hosp", "w", 1, Lease, None);
        await _f.Store.ScheduleRetryAsync([claimed[0].Id], "w", _f.Time.GetUtcNow().AddSeconds(30), "503", null, [], None);

        Assert.Empty(await ClaimAsync());
        _f.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(["a1@1", "a2@1"], await ClaimAsync());
    }

    [EngineFact]
    public async Task A_parked_delivery_does_not_block_the_records_after_it()
    {
        await _f.RouteAsync("a1", "pa", "hosp");
        await _f.RouteAsync("a2", "pa", "hosp");
        var claimed = await _f.Store.ClaimDeliveriesAsync("hosp", "w", 1, Lease, None);
        await _f.Store.ParkDeliveriesAsync([claimed[0].Id], "w", "400", "{}", [], [], None);

        Assert.Equal(["a2@1"], await ClaimAsync());
        var parked = Assert.Single(await _f.Store.ListParkedAsync(None));
        Assert.Equal(("a1@1", "hosp"), (parked.RecordKey, parked.PartnerId));
    }

    [EngineFact]
    public async Task A_delivery_leased_by_a_worker_that_died_is_claimed_again_after_the_lease_expires()
    {
        await _f.RouteAsync("a1", "pa", "hosp");
        Assert.Equal(["a1@1"], await ClaimAsync("dead"));

        Assert.Empty(await ClaimAsync("live"));
        _f.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(["a1@1"], await ClaimAsync("live"));
    }

    [EngineFact]
    public async Task An_older_record_of_the_patient_waiting_to_be_routed_again_blocks_the_later_ones()
    {
        await _f.AcceptAsync("a1", "pa");
        await _f.Store.ClaimRecordAsync("pipeline", Lease, None);
        await _f.Store.ParkRecordAsync(new RecordParking("a1@1", "validation", "{}"), "pipeline", [], None);
        await _f.RouteAsync("a2", "pa", "hosp");
        Assert.Equal(["a1@1"], await _f.Store.ReplayAsync("a1@1", None));

        Assert.Empty(await ClaimAsync());
    }

    [EngineFact]
    public async Task Held_deliveries_block_their_patient_until_released()
    {
        await _f.RouteAsync("a1", "pa", "hosp");
        await _f.RouteAsync("a2", "pa", "hosp");
        var claimed = await _f.Store.ClaimDeliveriesAsync("hosp", "w", 1, Lease, None);
        await _f.Store.HoldDeliveriesAsync([claimed[0].Id], "w", HoldReasons.NoConsent, [], None);

        Assert.Empty(await ClaimAsync());
        Assert.Equal(["pa"], await _f.Store.HeldPatientsAsync("hosp", None));
        Assert.Equal(["a1@1"], await _f.Store.ReleaseHeldAsync("hosp", "pa", "consent", None));
        Assert.Equal(["a1@1", "a2@1"], await ClaimAsync());
    }

    [EngineFact]
    public async Task A_split_delivery_goes_alone()
    {
        await _f.RouteAsync("a1", "pa", "hosp");
        await _f.RouteAsync("b1", "pb", "hosp");
        var claimed = await _f.Store.ClaimDeliveriesAsync("hosp", "w", 10, Lease, None);
        await _f.Store.SplitAsync(claimed.Select(c => c.Id).ToList(), "w", [], None);

        Assert.Equal(["a1@1"], await ClaimAsync());
        Assert.Equal(["b1@1"], await ClaimAsync());
    }

    [EngineFact]
    public async Task Released_leases_are_claimable_at_once_and_count_no_attempt()
    {
        await _f.RouteAsync("a1", "pa", "hosp");
        var claimed = await _f.Store.ClaimDeliveriesAsync("hosp", "w", 10, Lease, None);
        await _f.Store.ReleaseDeliveriesAsync([claimed[0].Id], "w", None);

        var again = Assert.Single(await _f.Store.ClaimDeliveriesAsync("hosp", "w2", 10, Lease, None));
        Assert.Equal(0, again.Attempts);
    }
}
