using System.Reflection;
using System.Text;
using Azure.Messaging.ServiceBus;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Intake;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.ServiceBus;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Store.Sqlite;
using FhirGateway.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Tests.ServiceBus;

/// <summary>Queue intake through the SDK's own test seams (model factory, mocking constructors) over a real SQLite store.</summary>
public sealed class QueueRecordIntakeTests : IAsyncLifetime
{
    private readonly StoreFixture _store = new();
    private ServiceProvider _services = null!;
    private static readonly CancellationToken None = CancellationToken.None;

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
    }

    private QueueRecordIntake Intake(IGatewayStore? store = null, int maxRecordBytes = 1024 * 1024)
    {
        var options = Options.Create(new GatewayOptions { Intake = { MaxRecordBytes = maxRecordBytes } });
        var intake = new RecordIntake(store ?? _store.Store, new GatewayMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            new WorkSignals(), NullLogger<RecordIntake>.Instance);
        return new QueueRecordIntake(intake, options, NullLogger<QueueRecordIntake>.Instance);
    }

    private static Task<QueueOutcome> Handle(QueueRecordIntake intake, ServiceBusReceivedMessage message, RecordingSessionReceiver receiver) =>
        intake.HandleAsync(message, receiver.SessionId, new SessionMessageSettlement(new ProcessSessionMessageEventArgs(message, receiver, None)), None);

    [Fact]
    public async Task A_record_is_completed_only_once_it_is_durably_stored()
    {
        var receiver = new RecordingSessionReceiver("p1");
        var storedWhenCompleted = -1;
        receiver.BeforeComplete = async _ =>
        {
            // a second store on the same file sees only what was committed
            var other = new SqliteGatewayStore(_store.DatabasePath, TimeProvider.System);
            storedWhenCompleted = (await other.SummaryAsync(None)).Records;
        };

        var outcome = await Handle(Intake(), Messages.Received(Records.Bytes("r1", "p1"), "p1", "m1"), receiver);

        Assert.Equal(QueueOutcome.Stored, outcome);
        Assert.Equal(1, storedWhenCompleted);
        Assert.Equal([("m1", "complete", (string?)null, (string?)null)], receiver.Settled);
    }

    [Fact]
    public async Task A_message_is_left_unsettled_when_the_store_fails_so_Service_Bus_delivers_it_again()
    {
        var receiver = new RecordingSessionReceiver("p1");
        var failing = FailingStore.Wrap(_store.Store);

        await Assert.ThrowsAsync<IOException>(() => Handle(Intake(failing), Messages.Received(Records.Bytes("r1", "p1"), "p1"), receiver));

        Assert.Empty(receiver.Settled);
        Assert.Equal(0, (await _store.Store.SummaryAsync(None)).Records);
    }

    [Fact]
    public async Task A_redelivery_after_a_crash_between_store_and_complete_is_completed_as_a_duplicate_and_stored_once()
    {
        var receiver = new RecordingSessionReceiver("p1") { FailNextComplete = true };
        var intake = Intake();
        var message = Messages.Received(Records.Bytes("r1", "p1"), "p1", "m1");

        await Assert.ThrowsAsync<ServiceBusException>(() => Handle(intake, message, receiver));
        var again = await Handle(intake, message, receiver);

        Assert.Equal(QueueOutcome.Duplicate, again);
        Assert.Equal(1, (await _store.Store.SummaryAsync(None)).Records);
        Assert.Equal([("m1", "complete", (string?)null, (string?)null)], receiver.Settled);
    }

    [Fact]
    public async Task A_record_that_is_not_JSON_is_dead_lettered_with_the_issue_code_as_reason_and_its_text_and_position_as_description()
    {
        var receiver = new RecordingSessionReceiver("p1");

        var outcome = await Handle(Intake(), Messages.Received(Encoding.UTF8.GetBytes("{\"recordId\": \"r1\",\n  oops}"), "p1", "m1"), receiver);

        Assert.Equal(QueueOutcome.DeadLettered, outcome);
        var (_, how, reason, description) = Assert.Single(receiver.Settled);
        Assert.Equal("dead-letter", how);
        Assert.Equal("record-malformed-json", reason);
        Assert.Contains("line 2", description, StringComparison.Ordinal);
        Assert.Equal(0, (await _store.Store.SummaryAsync(None)).Records);
    }

    [Fact]
    public async Task The_same_record_version_with_other_content_is_dead_lettered_as_a_conflict()
    {
        var receiver = new RecordingSessionReceiver("p1");
        var intake = Intake();
        await Handle(intake, Messages.Received(Records.Bytes("r1", "p1"), "p1", "m1"), receiver);

        var outcome = await Handle(intake, Messages.Received(Records.Bytes("r1", "p1", extra: ",\"note\":\"changed\""), "p1", "m2"), receiver);

        Assert.Equal(QueueOutcome.DeadLettered, outcome);
        Assert.Contains(receiver.Settled, s => s is ("m2", "dead-letter", "gw-intake-conflict", _));
    }

    [Fact]
    public async Task A_record_of_another_patient_than_its_session_is_dead_lettered_because_order_is_kept_per_session()
    {
        var receiver = new RecordingSessionReceiver("p2");

        var outcome = await Handle(Intake(), Messages.Received(Records.Bytes("r1", "p1"), "p2", "m1"), receiver);

        Assert.Equal(QueueOutcome.DeadLettered, outcome);
        Assert.Contains(receiver.Settled, s => s is ("m1", "dead-letter", "gw-queue-session-mismatch", _));
        Assert.Equal(0, (await _store.Store.SummaryAsync(None)).Records);
    }

    [Fact]
    public async Task A_message_over_the_record_size_limit_is_dead_lettered_unread()
    {
        var receiver = new RecordingSessionReceiver("p1");

        var outcome = await Handle(Intake(maxRecordBytes: 256), Messages.Received(Records.Bytes("r1", "p1", extra: $",\"note\":\"{new string('x', 400)}\""), "p1", "m1"), receiver);

        Assert.Equal(QueueOutcome.DeadLettered, outcome);
        Assert.Contains(receiver.Settled, s => s is ("m1", "dead-letter", "gw-intake-too-large", _));
    }

    /// <summary>A store whose intake fails as a full disk would; everything else goes to the real store.</summary>
    public class FailingStore : DispatchProxy
    {
        private IGatewayStore _inner = null!;

        public static IGatewayStore Wrap(IGatewayStore inner)
        {
            var proxy = Create<IGatewayStore, FailingStore>();
            ((FailingStore)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod!.Name == nameof(IGatewayStore.AcceptAsync)
                ? Task.FromException<IntakeReceipt>(new IOException("disk full"))
                : targetMethod.Invoke(_inner, args);
    }
}
