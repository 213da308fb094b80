using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace FhirGateway.Runtime.Tests.ServiceBus;

/// <summary>A session receiver (the SDK's mocking constructor) that records how each message was settled.</summary>
internal sealed class RecordingSessionReceiver(string sessionId) : ServiceBusSessionReceiver
{
    public ConcurrentQueue<(string MessageId, string How, string? Reason, string? Description)> Settled { get; } = new();
    /// <summary>Throws from the next completion, as when the lock is lost or the process dies before completing.</summary>
    public bool FailNextComplete { get; set; }
    /// <summary>Runs before a completion is recorded (to check what is durable at that moment).</summary>
    public Func<ServiceBusReceivedMessage, Task>? BeforeComplete { get; set; }

    public override string SessionId => sessionId;

    public override async Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default)
    {
        if (BeforeComplete is not null) await BeforeComplete(message);
        if (FailNextComplete)
        {
            FailNextComplete = false;
            throw new ServiceBusException("The lock supplied is invalid.", ServiceBusFailureReason.MessageLockLost);
        }
        Settled.Enqueue((message.MessageId, "complete", null, null));
    }

    public override Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, string deadLetterReason, string? deadLetterErrorDescription = null,
        CancellationToken cancellationToken = default)
    {
        Settled.Enqueue((message.MessageId, "dead-letter", deadLetterReason, deadLetterErrorDescription));
        return Task.CompletedTask;
    }

    public override Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify, string deadLetterReason,
        string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default) =>
        DeadLetterMessageAsync(message, deadLetterReason, deadLetterErrorDescription, cancellationToken);

    public override Task AbandonMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default)
    {
        Settled.Enqueue((message.MessageId, "abandon", null, null));
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// A session processor built by the SDK's constructor for derived processors (over a client that never connects) that a
/// test drives: it does not receive, it raises the gateway's handler with the SDK's own event arguments.
/// </summary>
internal sealed class TestSessionProcessor(ServiceBusClient client, string queueName, ServiceBusSessionProcessorOptions options)
    : ServiceBusSessionProcessor(client, queueName, options)
{
    public bool Started { get; private set; }
    public bool Stopped { get; private set; }

    public override Task StartProcessingAsync(CancellationToken cancellationToken = default)
    {
        Started = true;
        return Task.CompletedTask;
    }

    public override Task StopProcessingAsync(CancellationToken cancellationToken = default)
    {
        Stopped = true;
        return Task.CompletedTask;
    }

    public Task DeliverAsync(ServiceBusReceivedMessage message, RecordingSessionReceiver receiver) =>
        OnProcessSessionMessageAsync(new ProcessSessionMessageEventArgs(message, receiver, CancellationToken.None));
}

/// <summary>A sender (the SDK's mocking constructor) that keeps what was sent, and can fail a send.</summary>
internal sealed class RecordingSender(string entityPath) : ServiceBusSender
{
    public ConcurrentQueue<ServiceBusMessage> Sent { get; } = new();
    public int FailNextSends { get; set; }

    public override string EntityPath => entityPath;

    public override Task SendMessagesAsync(IEnumerable<ServiceBusMessage> messages, CancellationToken cancellationToken = default)
    {
        if (FailNextSends > 0)
        {
            FailNextSends--;
            throw new ServiceBusException("The service is busy.", ServiceBusFailureReason.ServiceBusy);
        }
        foreach (var m in messages) Sent.Enqueue(m);
        return Task.CompletedTask;
    }

    public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default) => SendMessagesAsync([message], cancellationToken);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// A client that never connects (a namespace that does not exist; nothing is sent or received through it) handing out
/// the test processor and sender, and keeping the options the gateway asked for.
/// </summary>
internal sealed class TestServiceBusClient() : ServiceBusClient("Endpoint=sb://fhirgw-test.invalid/;SharedAccessKeyName=test;SharedAccessKey=dGVzdA==")
{
    private TestSessionProcessor? _processor;

    public TestSessionProcessor Processor => _processor ?? throw new InvalidOperationException("The gateway has not created its session processor yet.");
    public bool HasProcessor => _processor is not null;
    public RecordingSender Sender { get; private set; } = new("unset");
    public string? ProcessorQueue { get; private set; }
    public ServiceBusSessionProcessorOptions? ProcessorOptions { get; private set; }

    public override ServiceBusSessionProcessor CreateSessionProcessor(string queueName, ServiceBusSessionProcessorOptions? options = null)
    {
        ProcessorQueue = queueName;
        ProcessorOptions = options;
        _processor = new TestSessionProcessor(this, queueName, options ?? new ServiceBusSessionProcessorOptions());
        return _processor;
    }

    public override ServiceBusSender CreateSender(string queueOrTopicName)
    {
        Sender = new RecordingSender(queueOrTopicName);
        return Sender;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal static class Messages
{
    private static long _sequence;

    /// <summary>A received message as Service Bus would hand it over (the SDK's model factory).</summary>
    public static ServiceBusReceivedMessage Received(byte[] body, string sessionId, string? messageId = null) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(body: new BinaryData(body), messageId: messageId ?? Guid.NewGuid().ToString("N"),
            sessionId: sessionId, contentType: "application/json", deliveryCount: 1, sequenceNumber: Interlocked.Increment(ref _sequence),
            lockedUntil: DateTimeOffset.UtcNow.AddMinutes(1), enqueuedTime: DateTimeOffset.UtcNow);
}
