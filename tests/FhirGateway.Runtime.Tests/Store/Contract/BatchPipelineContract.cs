using System.Text;
using FhirGateway.Mapping;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Tests.Support;
using FhirGateway.Testing.Store;
using Microsoft.Extensions.Time.Testing;

namespace FhirGateway.Runtime.Tests.Store.Contract;

/// <summary>
/// The pipeline's batch methods (<see cref="IPipelineStore.ClaimRecordsAsync"/>, <see cref="IPipelineStore.CompleteRecordsAsync"/>)
/// and concurrent writers: part of the store contract, run unchanged against every engine.
/// </summary>
public abstract class BatchPipelineContract<TStore>(StoreFixture<TStore> fixture) : IAsyncLifetime
    where TStore : class, IGatewayStore, IInboundStore, IPartnerStateStore, IStoredResourceReader
{
    private readonly StoreFixture<TStore> _f = fixture;
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private FakeTimeProvider Time => _f.Time;

    private IGatewayStore Store => _f.Store;

    /// <summary>A second store object on the same data as <see cref="Store"/> (another process's view).</summary>
    private IGatewayStore Reopen() => _f.Open(_f.Time, _f.Keys);

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    private Task<IntakeReceipt> AcceptAsync(string recordId, string patientId) => _f.AcceptAsync(recordId, patientId);

    private static RecordOutcome Routed(ClaimedRecord claimed, params string[] partners) =>
        RecordOutcome.Routed(new RecordRouting(Mapped(claimed, claimed.Envelope.RecordId), "test-1", partners.Select(p => new PlannedDelivery(p, null)).ToList()),
            [new LedgerDraft(LedgerSteps.Mapped, claimed.Envelope.Key, claimed.Envelope.PatientId)]);

    private static RecordOutcome Parked(ClaimedRecord claimed) =>
        RecordOutcome.Parked(new RecordParking(claimed.Envelope.Key, "validation", "{}"),
            [new LedgerDraft(LedgerSteps.Parked, claimed.Envelope.Key, claimed.Envelope.PatientId) { Status = "validation" }]);

    private static MappedRecord Mapped(ClaimedRecord claimed, string resourceType) =>
        new(claimed.Envelope, [new MappedResource(resourceType, claimed.Envelope.RecordId, "http://example.org/p",
            new BusinessIdentifier("urn:test", claimed.Envelope.RecordId), Encoding.UTF8.GetBytes($$"""{"resourceType":"Observation","id":"{{claimed.Envelope.RecordId}}"}"""))]);

    private static List<string> Keys(IEnumerable<ClaimedRecord> claimed) => claimed.Select(c => c.Envelope.Key).ToList();

    [EngineFact]
    public async Task A_batch_claim_takes_the_oldest_claimable_records_at_most_one_per_patient()
    {
        await AcceptAsync("a1", "p1");
        await AcceptAsync("a2", "p1");
        await AcceptAsync("b1", "p2");
        await AcceptAsync("c1", "p3");

        var batch = await Store.ClaimRecordsAsync("w1", 10, Lease, None);

        Assert.Equal(["a1@1", "b1@1", "c1@1"], Keys(batch));
    }

    [EngineFact]
    public async Task A_batch_claim_takes_no_more_than_asked()
    {
        foreach (var p in new[] { "p1", "p2", "p3" }) await AcceptAsync("r-" + p, p);

        Assert.Equal(["r-p1@1", "r-p2@1"], Keys(await Store.ClaimRecordsAsync("w1", 2, Lease, None)));
        Assert.Equal(["r-p3@1"], Keys(await Store.ClaimRecordsAsync("w2", 2, Lease, None)));
    }

    [EngineFact]
    public async Task A_patients_next_record_waits_until_the_claimed_one_is_stored_whoever_claims()
    {
        await AcceptAsync("a1", "p1");
        await AcceptAsync("a2", "p1");
        var first = await Store.ClaimRecordsAsync("w1", 10, Lease, None);

        Assert.Empty(await Store.ClaimRecordsAsync("w2", 10, Lease, None));
        Assert.Equal([true], await Store.CompleteRecordsAsync([Routed(first[0], "hosp")], "w1", None));
        Assert.Equal(["a2@1"], Keys(await Store.ClaimRecordsAsync("w2", 10, Lease, None)));
    }

    [EngineFact]
    public async Task Records_of_a_batch_whose_lease_ran_out_are_claimed_again_by_another_worker()
    {
        await AcceptAsync("a1", "p1");
        await AcceptAsync("b1", "p2");
        await Store.ClaimRecordsAsync("w1", 10, Lease, None);

        Time.Advance(Lease + TimeSpan.FromSeconds(1));

        Assert.Equal(["a1@1", "b1@1"], Keys(await Store.ClaimRecordsAsync("w2", 10, Lease, None)));
    }

    [EngineFact]
    public async Task Completing_a_batch_routes_and_parks_each_record_with_its_ledger_entries_in_order_on_one_chain()
    {
        await AcceptAsync("a1", "p1");
        await AcceptAsync("b1", "p2");
        var batch = await Store.ClaimRecordsAsync("w1", 10, Lease, None);

        var stored = await Store.CompleteRecordsAsync([Routed(batch[0], "hosp"), Parked(batch[1])], "w1", None);

        Assert.Equal([true, true], stored);
        var summary = await Store.SummaryAsync(None);
        Assert.Equal((1, 1, 0, 1), (summary.RecordsRouted, summary.RecordsParked, summary.RecordsWaiting, summary.DeliveriesPending));
        var steps = await Store.ReadLedgerAsync(None).Select(e => $"{e.Step} {e.Draft.RecordKey}").ToListAsync();
        Assert.Equal([$"{LedgerSteps.Received} a1@1", $"{LedgerSteps.Received} b1@1", $"{LedgerSteps.Mapped} a1@1", $"{LedgerSteps.Parked} b1@1"], steps);
        Assert.Null((await LedgerVerifier.VerifyAsync(Store.ReadLedgerAsync(None), None)).BrokenSeq);
    }

    [EngineFact]
    public async Task A_record_whose_lease_was_lost_is_left_untouched_without_its_ledger_entries_and_the_others_are_stored()
    {
        await AcceptAsync("a1", "p1");
        await AcceptAsync("b1", "p2");
        var batch = await Store.ClaimRecordsAsync("w1", 10, Lease, None);
        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var taken = await Store.ClaimRecordsAsync("w2", 1, Lease, None);
        Assert.Equal(["a1@1"], Keys(taken));

        var stored = await Store.CompleteRecordsAsync([Routed(batch[0], "hosp"), Routed(batch[1], "hosp")], "w1", None);

        Assert.Equal([false, true], stored);
        Assert.DoesNotContain(await Store.TraceAsync("a1", null, None), e => e.Step == LedgerSteps.Mapped);
        Assert.Equal([true], await Store.CompleteRecordsAsync([Parked(taken[0])], "w2", None));
    }

    [EngineFact]
    public async Task Concurrent_writes_are_each_durable_when_acknowledged_and_keep_one_intact_chain()
    {
        var accepts = Enumerable.Range(0, 200).Select(i => AcceptAsync($"r{i}", $"p{i % 50}"));

        var receipts = await Task.WhenAll(accepts);

        Assert.All(receipts, r => Assert.Equal(IntakeStatus.Accepted, r.Status));
        var other = Reopen();
        Assert.Equal(200, (await other.SummaryAsync(None)).Records);
        var verification = await LedgerVerifier.VerifyAsync(other.ReadLedgerAsync(None), None);
        Assert.Equal((200L, (long?)null), (verification.Count, verification.BrokenSeq));
    }

    [EngineFact]
    public async Task A_write_that_fails_changes_nothing_and_the_writes_beside_it_are_stored()
    {
        await AcceptAsync("a1", "p1");
        var batch = await Store.ClaimRecordsAsync("w1", 10, Lease, None);
        // a resource without a type breaks the route halfway (after the resources before it were written)
        var broken = RecordOutcome.Routed(new RecordRouting(new MappedRecord(batch[0].Envelope, [.. Mapped(batch[0], "Observation").Resources, .. Mapped(batch[0], null!).Resources]),
            "test-1", [new PlannedDelivery("hosp", null)]), [new LedgerDraft(LedgerSteps.Mapped, "a1@1", "p1")]);

        var beside = Enumerable.Range(0, 20).Select(i => AcceptAsync($"b{i}", $"q{i}")).ToList();
        var failing = Store.CompleteRecordsAsync([broken], "w1", None);
        await Task.WhenAll(beside);

        await Assert.ThrowsAnyAsync<Exception>(() => failing);
        var summary = await Store.SummaryAsync(None);
        Assert.Equal((21, 21, 0, 0), (summary.Records, summary.RecordsWaiting, summary.DeliveriesPending, summary.Resources));
        Assert.DoesNotContain(await Store.TraceAsync("a1", null, None), e => e.Step == LedgerSteps.Mapped);
        Assert.Null((await LedgerVerifier.VerifyAsync(Store.ReadLedgerAsync(None), None)).BrokenSeq);
    }
}
