using System.Text;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Cli;

/// <summary>One record as text for <c>fhirgw records show</c>: state, deliveries, parked reasons as issues, resources, ledger story.</summary>
internal static class RecordText
{
    public static string Describe(RecordDetail record)
    {
        var s = record.Status;
        var text = new StringBuilder();
        text.AppendLine($"record {s.RecordKey}  {s.Kind}  {record.State}  received {s.ReceivedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}  receipt {s.ReceiptId}");
        if (s.ParkedStep is not null)
        {
            text.AppendLine($"parked at {s.ParkedStep}:");
            Issues(text, s.OperationOutcome);
        }
        foreach (var d in s.Deliveries)
        {
            var parts = new List<string> { $"  -> {d.PartnerId}", d.Status, $"{d.Attempts} attempts" };
            if (d.NextAttemptAt is { } next) parts.Add($"next {next.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
            if (d.HoldReason is not null) parts.Add($"held: {d.HoldReason}");
            if (d.LastStatus is not null) parts.Add($"last answer {d.LastStatus}");
            if (d.LastFailure is not null) parts.Add($"last failure: {d.LastFailure}");
            text.AppendLine(string.Join("  ", parts));
            if (d.Status == DeliveryStates.Parked) Issues(text, d.OperationOutcome);
        }
        text.AppendLine(record.Pruned ? "resources: pruned after delivery (the ledger keeps their hashes)" : $"resources: {string.Join(" ", record.Resources.Select(r => $"{r.ResourceType}/{r.Id}"))}");
        text.AppendLine("ledger:");
        foreach (var e in record.Ledger)
        {
            var d = e.Draft;
            text.AppendLine($"  #{e.Seq,-5} {e.At}  {d.Step,-16} {(d.PartnerId is null ? "" : "-> " + d.PartnerId + " ")}{d.Status}{(d.Detail is null ? "" : $" ({d.Detail})")}".TrimEnd());
        }
        return text.ToString().TrimEnd();
    }

    private static void Issues(StringBuilder text, string? outcome)
    {
        foreach (var i in OutcomeText.Issues(outcome))
            text.AppendLine($"    {i.Severity} {i.Code}: {i.Text}{(i.Expression is null ? "" : " @ " + i.Expression)}");
    }
}
