using Azure.Messaging.ServiceBus;

namespace FhirGateway.Runtime.ServiceBus;

/// <summary>How a received message is settled: the one seam between queue intake and the processor kind that delivered it.</summary>
internal interface IMessageSettlement
{
    Task CompleteAsync(CancellationToken cancellationToken);

    Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken);
}

/// <summary>Settles through a session processor's arguments (session-enabled queue).</summary>
internal sealed class SessionMessageSettlement(ProcessSessionMessageEventArgs args) : IMessageSettlement
{
    public Task CompleteAsync(CancellationToken cancellationToken) => args.CompleteMessageAsync(args.Message, cancellationToken);

    public Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken) =>
        args.DeadLetterMessageAsync(args.Message, reason, description, cancellationToken);
}

/// <summary>Settles through a processor's arguments (queue without sessions).</summary>
internal sealed class QueueMessageSettlement(ProcessMessageEventArgs args) : IMessageSettlement
{
    public Task CompleteAsync(CancellationToken cancellationToken) => args.CompleteMessageAsync(args.Message, cancellationToken);

    public Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken) =>
        args.DeadLetterMessageAsync(args.Message, reason, description, cancellationToken);
}
