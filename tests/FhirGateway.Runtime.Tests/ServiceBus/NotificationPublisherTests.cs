using Azure.Messaging.ServiceBus;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.ServiceBus;
using FhirGateway.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Tests.ServiceBus;

public sealed class NotificationPublisherTests : IAsyncLifetime
{
    private readonly StoreFixture _store = new();
    private readonly TempFolder _data = new();
    private static readonly CancellationToken None = CancellationToken.None;

    public Task InitializeAsync() => _store.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _data.Dispose();
    }

    private NotificationPublisher Publisher() => new(new ServiceCollection().BuildServiceProvider(), _store.Store,
        Options.Create(new GatewayOptions { Data = _data.Path }), NullLogger<NotificationPublisher>.Instance);

    private async Task HoldAsync(string recordId, string patient)
    {
        await _store.RouteAsync(recordId, patient, "hosp-a");
        var claimed = await _store.Store.ClaimDeliveriesAsync("hosp-a", "w", 10, TimeSpan.FromMinutes(1), None);
        await _store.Store.HoldDeliveriesAsync(claimed.Select(d => d.Id).ToList(), "w", "no-consent",
            claimed.Select(d => new LedgerDraft(LedgerSteps.Held, d.RecordKey, d.PatientId) { PartnerId = "hosp-a", Status = "no-consent" }).ToList(), None);
    }

    [Fact]
    public async Task A_failed_send_leaves_the_cursor_where_it_was_and_the_next_round_sends_the_same_events_with_the_same_ids()
    {
        await HoldAsync("r1", "p1");
        var sender = new RecordingSender("events") { FailNextSends = 1 };
        var cursor = new NotificationCursor(_data.Path);
        var publisher = Publisher();

        await Assert.ThrowsAsync<ServiceBusException>(() => publisher.PublishOnceAsync(sender, cursor, 0, 100, None));
        Assert.Equal(0, cursor.Read());
        var (after, _) = await publisher.PublishOnceAsync(sender, cursor, cursor.Read(), 100, None);

        var held = Assert.Single(sender.Sent);
        Assert.Equal("held", held.Subject);
        Assert.Equal("r1@1", held.ApplicationProperties["recordKey"]);
        Assert.Equal($"fhirgw-ledger-{held.ApplicationProperties["ledgerSeq"]}", held.MessageId);
        Assert.Equal(after, cursor.Read());
    }

    [Fact]
    public async Task After_a_restart_publishing_resumes_after_the_last_sent_entry_without_repeating_or_skipping()
    {
        await HoldAsync("r1", "p1");
        var first = new RecordingSender("events");
        var cursor = new NotificationCursor(_data.Path);
        await Publisher().PublishOnceAsync(first, cursor, cursor.Read(), 100, None);
        await HoldAsync("r2", "p2");

        var second = new RecordingSender("events");
        await Publisher().PublishOnceAsync(second, new NotificationCursor(_data.Path), new NotificationCursor(_data.Path).Read(), 100, None);

        Assert.Equal(["r1@1"], first.Sent.Select(m => (string)m.ApplicationProperties["recordKey"]));
        Assert.Equal(["r2@1"], second.Sent.Select(m => (string)m.ApplicationProperties["recordKey"]));
    }

    [Fact]
    public void Only_state_changes_that_matter_outside_the_gateway_are_announced()
    {
        LedgerEntry Entry(string step, string? detail = null) => new(1, "2026-03-01T09:00:00.000Z", new LedgerDraft(step, "r1@1", "p1") { Detail = detail }, "", "");

        Assert.Equal("delivered", GatewayEvent.From(Entry(LedgerSteps.PartnerResponse, "delivered"))?.Event);
        Assert.Null(GatewayEvent.From(Entry(LedgerSteps.PartnerResponse, "refused")));
        Assert.Equal("parked", GatewayEvent.From(Entry(LedgerSteps.Parked))?.Event);
        Assert.Equal("inbound-update", GatewayEvent.From(Entry(GatewayEvent.ReceivedFromPartnerStep))?.Event);
        Assert.Null(GatewayEvent.From(Entry(LedgerSteps.Received)));
        Assert.Null(GatewayEvent.From(Entry(LedgerSteps.Sent)));
    }

    [Fact]
    public void A_cursor_file_that_does_not_hold_a_sequence_number_is_refused_with_its_path()
    {
        var cursor = new NotificationCursor(_data.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(cursor.Path)!);
        File.WriteAllText(cursor.Path, "garbage");

        var e = Assert.Throws<InvalidDataException>(() => cursor.Read());
        Assert.Contains(cursor.Path, e.Message, StringComparison.Ordinal);
    }
}
