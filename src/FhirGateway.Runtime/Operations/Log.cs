using Microsoft.Extensions.Logging;

namespace FhirGateway.Runtime.Operations;

/// <summary>
/// Every log line the gateway writes. Parameters are record keys (<c>recordId@version</c>), partner ids, counts,
/// statuses and catalogue codes only: never patient names, birth dates, identifiers or resource content.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Record {RecordKey} ({Kind}) stored from {Source} with receipt {ReceiptId}")]
    public static partial void RecordStored(ILogger logger, string recordKey, string kind, string source, string receiptId);

    [LoggerMessage(1001, LogLevel.Information, "Record {RecordKey} was received before; original receipt {ReceiptId}")]
    public static partial void RecordRepeated(ILogger logger, string recordKey, string receiptId);

    [LoggerMessage(1002, LogLevel.Warning, "Record {RecordKey} arrived again with other content; refused (receipt {ReceiptId})")]
    public static partial void RecordConflict(ILogger logger, string recordKey, string receiptId);

    [LoggerMessage(1003, LogLevel.Warning, "A record from {Source} was refused: {Codes}")]
    public static partial void RecordRefused(ILogger logger, string source, string codes);

    [LoggerMessage(1010, LogLevel.Information, "Record {RecordKey} mapped to {Resources} resources and routed to {Partners} partners ({Held} held)")]
    public static partial void RecordRouted(ILogger logger, string recordKey, int resources, int partners, int held);

    [LoggerMessage(1011, LogLevel.Warning, "Record {RecordKey} parked at {Step}: {Codes}")]
    public static partial void RecordParked(ILogger logger, string recordKey, string step, string codes);

    /// <remarks>Only the exception's type: messages of mapping and validation failures may quote record content.</remarks>
    [LoggerMessage(1012, LogLevel.Error, "Processing record {RecordKey} failed with {ExceptionType}; it stays waiting")]
    public static partial void RecordFailed(ILogger logger, string recordKey, string exceptionType);

    [LoggerMessage(1013, LogLevel.Information, "{Count} records replayed")]
    public static partial void Replayed(ILogger logger, int count);

    [LoggerMessage(1020, LogLevel.Information, "Partner {Partner} accepted {Records} records ({Entries} entries) in {Elapsed} ms")]
    public static partial void Delivered(ILogger logger, string partner, int records, int entries, long elapsed);

    /// <remarks>Information, not a warning: it comes once per attempt; the alert is the circuit opening (<see cref="CircuitOpened"/>), once per change.</remarks>
    [LoggerMessage(1021, LogLevel.Information, "Partner {Partner} answered {Status} for {Records} records; retry {Attempt} at {NextAttempt:o}")]
    public static partial void RetryScheduled(ILogger logger, string partner, string status, int records, int attempt, DateTimeOffset nextAttempt);

    [LoggerMessage(1022, LogLevel.Warning, "Partner {Partner} refused record {RecordKey} with {Status}: parked")]
    public static partial void DeliveryParked(ILogger logger, string partner, string recordKey, string status);

    [LoggerMessage(1023, LogLevel.Information, "Record {RecordKey} held for partner {Partner}: {Reason}")]
    public static partial void DeliveryHeld(ILogger logger, string recordKey, string partner, string reason);

    [LoggerMessage(1024, LogLevel.Information, "{Count} held records released for partner {Partner}: consent in force")]
    public static partial void Released(ILogger logger, int count, string partner);

    [LoggerMessage(1025, LogLevel.Information, "Partner {Partner} refused a batch of {Records} records with {Status}: sending them one by one")]
    public static partial void BatchSplit(ILogger logger, string partner, int records, string status);

    /// <remarks>Only the exception's type: a failure while building a Bundle may quote resource content.</remarks>
    [LoggerMessage(1026, LogLevel.Error, "Delivering to partner {Partner} failed in the gateway with {ExceptionType}; the batch is tried again later")]
    public static partial void DeliveryFailed(ILogger logger, string partner, string exceptionType);

    [LoggerMessage(1027, LogLevel.Warning, "Partner {Partner}'s circuit opened after repeated failures: no call is made to it for {BreakDuration}; records wait in the queue")]
    public static partial void CircuitOpened(ILogger logger, string partner, TimeSpan breakDuration);

    [LoggerMessage(1028, LogLevel.Information, "Partner {Partner}'s circuit is half-open: one trial call goes out")]
    public static partial void CircuitHalfOpened(ILogger logger, string partner);

    [LoggerMessage(1041, LogLevel.Information, "Partner {Partner}'s circuit closed: deliveries go out again")]
    public static partial void CircuitClosed(ILogger logger, string partner);

    [LoggerMessage(1030, LogLevel.Warning, "Inbox file {File} rejected: {Codes}")]
    public static partial void InboxRejected(ILogger logger, string file, string codes);

    [LoggerMessage(1031, LogLevel.Error, "Inbox file {File} could not be handled; it stays in the inbox")]
    public static partial void InboxFailed(ILogger logger, Exception exception, string file);

    [LoggerMessage(1032, LogLevel.Error, "The store failed for the {Worker} worker; it tries again after its poll interval")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string worker);

    [LoggerMessage(1033, LogLevel.Warning, "The ledger checkpoint sink (Ledger:CheckpointUrl) did not take a checkpoint: {Reason}; the checkpoint file has it")]
    public static partial void CheckpointSinkFailed(ILogger logger, string reason);

    [LoggerMessage(1034, LogLevel.Warning, "The ledger is unkeyed (Ledger:Unkeyed): its chain shows accidental damage only, not rewriting by someone with the database")]
    public static partial void LedgerUnkeyed(ILogger logger);

    [LoggerMessage(1035, LogLevel.Warning, "Partner {Partner} is reached over plain http at {Url} (Partners:N:AllowInsecureHttp): records travel unencrypted")]
    public static partial void InsecurePartner(ILogger logger, string partner, string url);

    [LoggerMessage(1040, LogLevel.Information, "Gateway listening on {Urls} with data folder {Data} and {Partners} partners")]
    public static partial void Started(ILogger logger, string urls, string data, int partners);

    [LoggerMessage(1029, LogLevel.Warning, "Partner {Partner}: {Count} deliveries were not {Transition}: their lease had passed to another worker, which owns their outcome")]
    public static partial void LeaseLost(ILogger logger, string partner, int count, string transition);
}
