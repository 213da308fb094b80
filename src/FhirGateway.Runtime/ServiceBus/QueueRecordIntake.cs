using Azure.Messaging.ServiceBus;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Records;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Intake;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.ServiceBus;

/// <summary>What became of one queue message.</summary>
public enum QueueOutcome
{
    /// <summary>Stored now, then completed.</summary>
    Stored,
    /// <summary>The same record id and version was stored before (a redelivery): completed without storing again.</summary>
    Duplicate,
    /// <summary>Refused (bad record, conflict, too large, wrong session): dead-lettered with the issue code as reason.</summary>
    DeadLettered,
}

/// <summary>
/// Queue intake: one message, one record, through the same <see cref="RecordIntake"/> as <c>POST /records</c>. The
/// message is completed only after the record is durably stored; a store failure leaves it unsettled, so the processor
/// abandons it and Service Bus delivers it again (and dead-letters it after the queue's MaxDeliveryCount). A repeat,
/// such as the redelivery after a crash between storing and completing, is recognised by intake and completed as a
/// duplicate. A refused record is dead-lettered: DeadLetterReason is the first error's code, DeadLetterErrorDescription
/// its text and location. On a session-enabled queue the session id must be the record's patient id, which is what
/// keeps each patient's records in order.
/// </summary>
public sealed class QueueRecordIntake(RecordIntake intake, IOptions<GatewayOptions> options, ILogger<QueueRecordIntake> logger)
{
    public const string Source = "servicebus";
    private const int MaxDescription = 1024;

    internal async Task<QueueOutcome> HandleAsync(ServiceBusReceivedMessage message, string? sessionId, IMessageSettlement settlement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(settlement);
        var body = message.Body.ToMemory();
        var max = options.Value.Intake.MaxRecordBytes;
        if (body.Length > max) return await RefuseAsync(message, settlement, [IssueCatalogue.GatewayIntakeTooLarge.At(null, max)], cancellationToken);
        if (sessionId is not null && SessionMismatch(body, sessionId) is { } mismatch)
            return await RefuseAsync(message, settlement, [mismatch], cancellationToken);

        var result = await intake.SubmitAsync(body, Source, cancellationToken);
        if (!result.Stored) return await RefuseAsync(message, settlement, result.Issues, cancellationToken);
        await settlement.CompleteAsync(cancellationToken);
        var duplicate = result.Receipt!.Status == IntakeStatus.Duplicate;
        ServiceBusLog.MessageCompleted(logger, message.MessageId, result.Receipt.RecordKey, duplicate ? "duplicate" : "stored");
        return duplicate ? QueueOutcome.Duplicate : QueueOutcome.Stored;
    }

    private async Task<QueueOutcome> RefuseAsync(ServiceBusReceivedMessage message, IMessageSettlement settlement, IReadOnlyList<Issue> issues, CancellationToken cancellationToken)
    {
        var first = issues.FirstOrDefault(i => i.IsError) ?? issues.FirstOrDefault();
        var reason = first?.Code ?? IssueCatalogue.GatewayIntakeUnreadable.Id;
        var description = first is null ? "The record was refused" : Describe(first);
        await settlement.DeadLetterAsync(reason, description, cancellationToken);
        ServiceBusLog.MessageDeadLettered(logger, message.MessageId, reason);
        return QueueOutcome.DeadLettered;
    }

    /// <summary>The issue's message with where it was found (expression, line and column), cut to what a dead-letter description carries.</summary>
    private static string Describe(Issue issue)
    {
        var text = issue.Message;
        if (issue.Expression is { Length: > 0 } at) text += $" (at {at})";
        if (issue.Line > 0) text += $" [line {issue.Line}, column {issue.Column}]";
        return text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…";
    }

    /// <summary>An issue when the record names a patient other than the session's; null when it matches or cannot be read (intake then says why).</summary>
    private static Issue? SessionMismatch(ReadOnlyMemory<byte> body, string sessionId)
    {
        var envelope = RecordEnvelopeReader.Read(body, []);
        return envelope is null || string.Equals(envelope.PatientId, sessionId, StringComparison.Ordinal)
            ? null
            : IssueCatalogue.GatewayQueueSessionMismatch.At("patient.id", sessionId);
    }
}
