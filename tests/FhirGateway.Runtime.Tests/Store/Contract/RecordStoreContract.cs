using FhirGateway.Testing.Store;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.Store.Contract;

/// <summary>The store contract for intake and the pipeline: receipts, repeats, claims in order and per patient, parking, replay.</summary>
public abstract class RecordStoreContract<TStore>(StoreFixture<TStore> fixture) : IAsyncLifetime
    where TStore : class, IGatewayStore, IInboundStore, IPartnerStateStore, IStoredResourceReader
{
    private readonly StoreFixture<TStore> _f = fixture;
    private static readonly CancellationToken None = CancellationToken.None;

    public Task InitializeAsync() => _f.InitializeAsync();
    public Task DisposeAsync() => _f.DisposeAsync();

    [EngineFact]
    public async Task Accept_stores_the_record_and_appends_received_to_the_ledger()
    {
        var receipt = await _f.AcceptAsync("r1", "p1");

        Assert.Equal(IntakeStatus.Accepted, receipt.Status);
        Assert.StartsWith("rcpt-", receipt.ReceiptId);
        var entry = Assert.Single(await _f.Store.TraceAsync("r1", null, None));
        Assert.Equal(LedgerSteps.Received, entry.Step);
        Assert.Equal(CanonicalJson.Hash(Records.Bytes("r1", "p1")), entry.Draft.PayloadHash);
        Assert.Equal(1, (await _f.Store.SummaryAsync(None)).RecordsWaiting);
    }

    [EngineFact]
    public async Task A_repeat_of_the_same_record_id_and_version_returns_the_original_receipt_and_stores_nothing_new()
    {
        var first = await _f.AcceptAsync("r1", "p1");
        var again = await _f.AcceptAsync("r1", "p1");

        Assert.Equal(IntakeStatus.Duplicate, again.Status);
        Assert.Equal(first.ReceiptId, again.ReceiptId);
        Assert.Equal(1, (await _f.Store.SummaryAsync(None)).Records);
        Assert.Single(await _f.Store.TraceAsync("r1", null, None));
    }

    [EngineFact]
    public async Task The_same_record_id_and_version_with_other_content_is_a_conflict()
    {
        await _f.AcceptAsync("r1", "p1");
        var other = await _f.Store.AcceptAsync(new RecordSubmission(Records.Envelope("r1", "p1"),
            Records.Bytes("r1", "p1", extra: ",\"note\":\"changed\""), "test"), None);

        Assert.Equal(IntakeStatus.Conflict, other.Status);
        Assert.Equal(1, (await _f.Store.SummaryAsync(None)).Records);
    }

    [EngineFact]
    public async Task A_later_version_of_a_record_is_a_new_record()
    {
        await _f.AcceptAsync("r1", "p1");
        var v2 = await _f.AcceptAsync("r1", "p1", version: 2);

        Assert.Equal(IntakeStatus.Accepted, v2.Status);
        Assert.Equal("r1@2", v2.RecordKey);
    }

    [EngineFact]
    public async Task Records_are_claimed_oldest_first_and_a_leased_one_is_not_claimed_twice_until_its_lease_expires()
    {
        await _f.AcceptAsync("r1", "p1");
        await _f.AcceptAsync("r2", "p2");

        var first = await _f.Store.ClaimRecordAsync("a", TimeSpan.FromMinutes(1), None);
        var second = await _f.Store.ClaimRecordAsync("b", TimeSpan.FromMinutes(1), None);
        var none = await _f.Store.ClaimRecordAsync("c", TimeSpan.FromMinutes(1), None);
        _f.Time.Advance(TimeSpan.FromMinutes(2));
        var reclaimed = await _f.Store.ClaimRecordAsync("c", TimeSpan.FromMinutes(1), None);

        Assert.Equal("r1@1", first?.Envelope.Key);
        Assert.Equal("r2@1", second?.Envelope.Key);
        Assert.Null(none);
        Assert.Equal("r1@1", reclaimed?.Envelope.Key);
    }

    [EngineFact]
    public async Task A_patients_later_record_is_not_claimed_while_an_earlier_one_is_still_waiting_so_parallel_workers_keep_each_patients_order()
    {
        await _f.AcceptAsync("r1", "p1");
        await _f.AcceptAsync("r2", "p1");
        await _f.AcceptAsync("r3", "p2");

        var first = await _f.Store.ClaimRecordAsync("a", TimeSpan.FromMinutes(1), None);
        var second = await _f.Store.ClaimRecordAsync("b", TimeSpan.FromMinutes(1), None);
        var none = await _f.Store.ClaimRecordAsync("c", TimeSpan.FromMinutes(1), None);
        Assert.True(await _f.Store.ParkRecordAsync(new RecordParking("r1@1", "mapping", "{}"), "a", [], None));
        var afterFirst = await _f.Store.ClaimRecordAsync("c", TimeSpan.FromMinutes(1), None);

        Assert.Equal("r1@1", first?.Envelope.Key);
        Assert.Equal("r3@1", second?.Envelope.Key);
        Assert.Null(none);
        Assert.Equal("r2@1", afterFirst?.Envelope.Key);
    }

    [EngineFact]
    public async Task Replay_makes_a_parked_record_wait_again_and_says_so_in_the_ledger()
    {
        await _f.AcceptAsync("r1", "p1");
        var claimed = await _f.Store.ClaimRecordAsync("a", TimeSpan.FromMinutes(1), None);
        Assert.True(await _f.Store.ParkRecordAsync(new RecordParking("r1@1", "validation", "{}"), "a",
            [new LedgerDraft(LedgerSteps.Parked, "r1@1", "p1")], None));

        var replayed = await _f.Store.ReplayAsync("r1", None);

        Assert.Equal(["r1@1"], replayed);
        Assert.Equal(1, (await _f.Store.SummaryAsync(None)).RecordsWaiting);
        Assert.Equal(LedgerSteps.Replayed, (await _f.Store.TraceAsync("r1@1", null, None))[^1].Step);
    }

    [EngineFact]
    public async Task Park_fails_when_the_lease_was_taken_over_by_another_worker()
    {
        await _f.AcceptAsync("r1", "p1");
        await _f.Store.ClaimRecordAsync("a", TimeSpan.FromMinutes(1), None);
        _f.Time.Advance(TimeSpan.FromMinutes(2));
        await _f.Store.ClaimRecordAsync("b", TimeSpan.FromMinutes(1), None);

        Assert.False(await _f.Store.ParkRecordAsync(new RecordParking("r1@1", "mapping", "{}"), "a", [], None));
    }
}
