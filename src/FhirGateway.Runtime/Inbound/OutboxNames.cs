using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Inbound;

/// <summary>
/// The outbox's file names, fixed when an update is stored (so a rewrite after a crash gives the same file):
/// <c>{patient}/{feed seq, 12 digits}-{partner}-{Type}-{id}.json</c>, with <c>_unmatched</c> in place of the clinic
/// patient when none was matched. Every part is reduced to letters, digits, '-', '_' and '.'.
/// </summary>
public static class OutboxNames
{
    public const string Unmatched = "_unmatched";

    public static string For(long seq, InboundItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var folder = item.PatientId is null ? Unmatched : Safe(item.PatientId);
        return $"{folder}/{seq:D12}-{Safe(item.PartnerId)}-{Safe(item.ResourceType)}-{Safe(item.ResourceId)}.json";
    }

    /// <summary>The OperationOutcome beside an update's file: <c>NAME.outcome.json</c>.</summary>
    public static string Outcome(string file) => file[..^".json".Length] + ".outcome.json";

    private static string Safe(string part)
    {
        var chars = part.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_').ToArray();
        var text = new string(chars, 0, Math.Min(chars.Length, 64)).TrimStart('.');
        return text.Length == 0 ? "_" : text;
    }
}
