using FhirGateway.Testing.Store;
using System.Text;
using FhirGateway.Runtime.Inbound;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.Store.Contract;

/// <summary>The store contract for inbound updates: stored once, the feed, the outbox, cursors, subscriptions, what was written to partners.</summary>
public abstract class InboundStoreContract<TStore>(StoreFixture<TStore> fixture) : IAsyncLifetime
    where TStore : class, IGatewayStore, IInboundStore, IPartnerStateStore, IStoredResourceReader
{
    private readonly StoreFixture<TStore> _fixture = fixture;
    private static readonly CancellationToken None = CancellationToken.None;

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    private IInboundStore Store => _fixture.Store;

    private static InboundItem Item(string id, string version, string? patient = "p1", DateTimeOffset? at = null) =>
        new("hosp-a", "Observation", id, version, at, patient, true, null, InboundVia.Poll, Encoding.UTF8.GetBytes($$"""{"resourceType":"Observation","id":"{{id}}"}"""));

    [EngineFact]
    public async Task A_partner_version_is_stored_once_with_one_received_from_partner_entry_however_often_it_comes()
    {
        var first = await Store.CommitInboundAsync(new InboundCommit([Item("o1", "1"), Item("o1", "2")]), None);
        var again = await Store.CommitInboundAsync(new InboundCommit([Item("o1", "1")]), None);

        Assert.Equal((2, 0), (first.Stored, first.Repeats));
        Assert.Equal((0, 1), (again.Stored, again.Repeats));
        Assert.Equal(["Observation/o1/_history/1", "Observation/o1/_history/2"], (await Store.ReadInboundAsync(0, 10, None)).Select(i => i.Item.Location));
        var ledger = await _fixture.Store.TraceAsync(InboundLedger.RecordKey("hosp-a", "Observation", "o1"), null, None);
        Assert.Equal(2, ledger.Count(e => e.Step == InboundLedger.ReceivedFromPartner));
        Assert.Equal(["Observation/o1/_history/1"], await Store.KnownAsync("hosp-a", ["Observation/o1/_history/1", "Observation/o1/_history/3"], None));
    }

    [EngineFact]
    public async Task The_feed_pages_by_position_and_the_outbox_name_is_fixed_at_storing()
    {
        await Store.CommitInboundAsync(new InboundCommit([Item("o1", "1"), Item("o2", "1", patient: null), Item("o3", "1")]), None);

        var page = await Store.ReadInboundAsync(0, 2, None);
        var rest = await Store.ReadInboundAsync(page[^1].Seq, 10, None);

        Assert.Equal(["o1", "o2"], page.Select(i => i.Item.ResourceId));
        Assert.Equal(["o3"], rest.Select(i => i.Item.ResourceId));
        Assert.Equal($"p1/{page[0].Seq:D12}-hosp-a-Observation-o1.json", page[0].OutboxFile);
        Assert.Equal($"{OutboxNames.Unmatched}/{page[1].Seq:D12}-hosp-a-Observation-o2.json", page[1].OutboxFile);
    }

    [EngineFact]
    public async Task Marking_written_to_the_outbox_happens_once_with_its_handed_to_clinic_entry()
    {
        await Store.CommitInboundAsync(new InboundCommit([Item("o1", "1")]), None);
        var pending = await Store.UnexportedAsync(10, None);

        await Store.MarkExportedAsync(pending, None);
        await Store.MarkExportedAsync(pending, None);

        Assert.Empty(await Store.UnexportedAsync(10, None));
        var ledger = await _fixture.Store.TraceAsync(null, "p1", None);
        Assert.Equal([InboundLedger.ReceivedFromPartner, InboundLedger.HandedToClinic], ledger.Select(e => e.Step));
    }

    [EngineFact]
    public async Task A_cursor_only_moves_forward()
    {
        var later = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
        await Store.CommitInboundAsync(new InboundCommit([]) { Cursors = [new InboundCursor("hosp-a", "Observation", later)] }, None);
        await Store.CommitInboundAsync(new InboundCommit([]) { Cursors = [new InboundCursor("hosp-a", "Observation", later.AddMinutes(-5))] }, None);

        Assert.Equal(later, await Store.GetCursorAsync("hosp-a", "Observation", None));
        Assert.Null(await Store.GetCursorAsync("hosp-a", "Condition", None));
    }

    [EngineFact]
    public async Task A_notification_with_a_gap_asks_for_a_re_query_and_leaves_the_cursor_where_the_re_query_must_start()
    {
        var t = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
        InboundCommit Notified(long n, string id) => new([Item(id, "1", at: t.AddMinutes(n))])
        {
            Cursors = [new InboundCursor("hosp-a", "Observation", t.AddMinutes(n))],
            Notification = new NotificationEvents("hosp-a", "Subscription/s1", n, n, n),
        };

        var one = await Store.CommitInboundAsync(Notified(1, "o1"), None);
        var three = await Store.CommitInboundAsync(Notified(3, "o3"), None);
        var state = await Store.GetSubscriptionAsync("hosp-a", None);

        Assert.False(one.Gap);
        Assert.True(three.Gap);
        Assert.Equal(2, (await Store.ReadInboundAsync(0, 10, None)).Count); // what came is kept
        Assert.Equal(t.AddMinutes(1), await Store.GetCursorAsync("hosp-a", "Observation", None));
        Assert.True(state!.RecoveryPending);
        Assert.Equal(3, state.LastEvent);
    }

    [EngineFact]
    public async Task A_re_query_is_done_only_when_no_other_was_asked_for_while_it_ran()
    {
        var first = await Store.RequestRecoveryAsync("hosp-a", "gateway started", None);
        var second = await Store.RequestRecoveryAsync("hosp-a", "gap", None);

        Assert.False(await Store.CompleteRecoveryAsync("hosp-a", first, None));
        Assert.True((await Store.GetSubscriptionAsync("hosp-a", None))!.RecoveryPending);
        Assert.True(await Store.CompleteRecoveryAsync("hosp-a", second, None));
        Assert.False((await Store.GetSubscriptionAsync("hosp-a", None))!.RecoveryPending);
    }

    [EngineFact]
    public async Task What_the_gateway_wrote_to_a_partner_is_learned_from_the_ledgers_partner_responses_with_its_patient()
    {
        await _fixture.RouteAsync("r1", "p9", "hosp-a");
        var claimed = Assert.Single(await _fixture.Store.ClaimDeliveriesAsync("hosp-a", "w", 10, TimeSpan.FromMinutes(1), None));
        await _fixture.Store.MarkDeliveredAsync([new DeliveredItem(claimed.Id, "ae-1", Encoding.UTF8.GetBytes("{}"))], "w",
            [new LedgerDraft(LedgerSteps.PartnerResponse, claimed.RecordKey, "p9") { PartnerId = "hosp-a", Status = "200", Resources = ["Patient/77/_history/1", "Observation/78/_history/3"] }], None);

        await Store.SyncWrittenAsync(None);
        await Store.SyncWrittenAsync(None);

        Assert.Equal("p9", (await Store.WrittenAsync("hosp-a", "Patient", "77", None))?.PatientId);
        Assert.NotNull(await Store.WrittenAsync("hosp-a", "Observation", "78", None));
        Assert.Null(await Store.WrittenAsync("hosp-b", "Observation", "78", None));
        Assert.Null(await Store.WrittenAsync("hosp-a", "Observation", "79", None));
    }
}
