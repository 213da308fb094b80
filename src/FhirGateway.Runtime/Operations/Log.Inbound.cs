using Microsoft.Extensions.Logging;

namespace FhirGateway.Runtime.Operations;

/// <summary>The inbound log lines (ids 1300–1399): partner ids, counts, types and statuses only, never resource content or patient data.</summary>
internal static partial class Log
{
    [LoggerMessage(1300, LogLevel.Information, "Partner {Partner}: {Count} updates stored via {Via} ({Invalid} invalid, {Unmatched} unmatched patient)")]
    public static partial void InboundStored(ILogger logger, string partner, int count, string via, int invalid, int unmatched);

    [LoggerMessage(1301, LogLevel.Warning, "Partner {Partner}: searching {Type} failed ({Status}); the cursor stays, the next search starts there")]
    public static partial void InboundSearchFailed(ILogger logger, string partner, string type, string status);

    [LoggerMessage(1302, LogLevel.Error, "Partner {Partner}: inbound work failed with {ExceptionType}; it is tried again at the next turn")]
    public static partial void InboundFailed(ILogger logger, string partner, string exceptionType);

    [LoggerMessage(1303, LogLevel.Warning, "Partner {Partner}: notification refused ({Code})")]
    public static partial void NotificationRefused(ILogger logger, string partner, string code);

    [LoggerMessage(1304, LogLevel.Warning, "Partner {Partner}: events were missed on subscription {Subscription}; re-querying")]
    public static partial void NotificationGap(ILogger logger, string partner, string subscription);

    [LoggerMessage(1305, LogLevel.Information, "Partner {Partner}: re-query done ({Reason})")]
    public static partial void RecoveryDone(ILogger logger, string partner, string reason);

    [LoggerMessage(1306, LogLevel.Error, "Writing {Count} updates to the outbox failed with {ExceptionType}; tried again at the next turn")]
    public static partial void OutboxFailed(ILogger logger, int count, string exceptionType);
}
