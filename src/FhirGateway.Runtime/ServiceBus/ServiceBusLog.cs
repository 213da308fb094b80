using Microsoft.Extensions.Logging;

namespace FhirGateway.Runtime.ServiceBus;

/// <summary>The Service Bus edge's log lines: message ids, record keys, codes and counts only, never record content.</summary>
internal static partial class ServiceBusLog
{
    [LoggerMessage(1500, LogLevel.Information, "Service Bus message {MessageId}: record {RecordKey} {Outcome}; message completed")]
    public static partial void MessageCompleted(ILogger logger, string messageId, string recordKey, string outcome);

    [LoggerMessage(1501, LogLevel.Warning, "Service Bus message {MessageId} refused ({Reason}); message dead-lettered")]
    public static partial void MessageDeadLettered(ILogger logger, string messageId, string reason);

    /// <remarks>Only the exception's type: the message may quote the record.</remarks>
    [LoggerMessage(1502, LogLevel.Warning, "Service Bus {ErrorSource} on {EntityPath} failed with {ExceptionType}; the message is not completed and will be delivered again")]
    public static partial void ProcessingFailed(ILogger logger, string errorSource, string entityPath, string exceptionType);

    [LoggerMessage(1503, LogLevel.Information, "Service Bus intake listening on queue {Queue} (sessions: {Sessions})")]
    public static partial void IntakeStarted(ILogger logger, string queue, bool sessions);

    [LoggerMessage(1504, LogLevel.Information, "{Count} gateway events sent to topic {Topic} (ledger up to {Seq})")]
    public static partial void NotificationsSent(ILogger logger, int count, string topic, long seq);

    [LoggerMessage(1505, LogLevel.Warning, "Sending gateway events to topic {Topic} failed with {ExceptionType}; retrying from ledger entry {Seq}")]
    public static partial void NotificationsFailed(ILogger logger, string topic, string exceptionType, long seq);
}
