using System.Text;
using System.Text.Json;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Intake;

/// <summary>
/// The JSON answer of <c>GET /records/{receipt}</c>: the record's state, the step and OperationOutcome that parked it,
/// and per partner the delivery status, attempts, next attempt, hold reason, the partner's last answer and the cause of
/// the last failure. An OperationOutcome is served up to <see cref="MaxOutcomeBytes"/>: beyond, its first issues and a
/// count of the rest.
/// </summary>
public static class RecordStatusWriter
{
    public static byte[] ToJson(RecordStatus status)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("receiptId", status.ReceiptId);
            w.WriteString("recordKey", status.RecordKey);
            w.WriteString("kind", status.Kind);
            w.WriteString("state", status.State);
            w.WriteString("receivedAt", status.ReceivedAt);
            if (status.ParkedStep is not null)
            {
                w.WriteStartObject("parked");
                w.WriteString("step", status.ParkedStep);
                Outcome(w, status.OperationOutcome);
                w.WriteEndObject();
            }
            w.WriteStartArray("deliveries");
            foreach (var d in status.Deliveries) Delivery(w, d);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Delivery(Utf8JsonWriter w, DeliveryStatus d)
    {
        w.WriteStartObject();
        w.WriteString("partner", d.PartnerId);
        w.WriteString("status", d.Status);
        w.WriteNumber("attempts", d.Attempts);
        if (d.NextAttemptAt is { } next) w.WriteString("nextAttemptAt", next);
        if (d.HoldReason is not null) w.WriteString("holdReason", d.HoldReason);
        if (d.LastStatus is not null) w.WriteString("lastStatus", d.LastStatus);
        if (d.LastFailure is not null) w.WriteString("lastFailure", d.LastFailure);
        Outcome(w, d.OperationOutcome);
        w.WriteEndObject();
    }

    /// <summary>The largest OperationOutcome served as it is; a larger one (stored before outcomes were bounded) is cut.</summary>
    public const int MaxOutcomeBytes = 32 * 1024;

    private static void Outcome(Utf8JsonWriter w, string? outcome)
    {
        if (string.IsNullOrEmpty(outcome)) return;
        w.WritePropertyName("outcome");
        if (Encoding.UTF8.GetByteCount(outcome) <= MaxOutcomeBytes) w.WriteRawValue(outcome);
        else Truncated(w, outcome);
    }

    /// <summary>The first issues of a large OperationOutcome that fit in <see cref="MaxOutcomeBytes"/>, then one that counts the rest.</summary>
    private static void Truncated(Utf8JsonWriter w, string outcome)
    {
        using var document = JsonDocument.Parse(outcome);
        var issues = document.RootElement.TryGetProperty("issue", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
        w.WriteStartObject();
        w.WriteString("resourceType", "OperationOutcome");
        w.WriteStartArray("issue");
        var size = 0;
        var shown = 0;
        foreach (var issue in issues)
        {
            size += issue.GetRawText().Length;
            if (size > MaxOutcomeBytes) break;
            w.WriteRawValue(issue.GetRawText());
            shown++;
        }
        w.WriteStartObject();
        w.WriteString("severity", "information");
        w.WriteString("code", "too-long");
        w.WriteStartObject("details");
        w.WriteString("text", $"{issues.Count - shown} more issues are not shown ({issues.Count} in all)");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
