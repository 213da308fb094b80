using System.Text.Json;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Operations;

/// <summary>The JSON of a record listing (<c>GET /records</c>, <c>fhirgw records list --json</c>): the records and the next page's cursor.</summary>
public static class RecordListWriter
{
    public static byte[] ToJson(RecordPage page, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteStartArray("records");
            foreach (var r in page.Records) Write(w, r);
            w.WriteEndArray();
            if (page.Next is { } next) w.WriteNumber("next", next);
            else w.WriteNull("next");
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter w, RecordSummary r)
    {
        w.WriteStartObject();
        w.WriteString("recordKey", r.RecordKey);
        w.WriteString("kind", r.Kind);
        w.WriteString("state", r.State);
        w.WriteString("receivedAt", r.ReceivedAt);
        w.WriteStartArray("partners");
        foreach (var p in r.Partners)
        {
            w.WriteStartObject();
            w.WriteString("partner", p.PartnerId);
            w.WriteString("status", p.Status);
            if (p.Reason is not null) w.WriteString("reason", p.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (r.Reason is not null) w.WriteString("reason", r.Reason);
        w.WriteEndObject();
    }

    /// <summary><c>als-1@2  assessment  parked  hosp-a=parked  hosp-a: refused …</c>: one line per record.</summary>
    public static string Line(RecordSummary r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var partners = r.Partners.Count == 0 ? "-" : string.Join(",", r.Partners.Select(p => $"{p.PartnerId}={p.Status}"));
        return $"{r.RecordKey}\t{r.Kind}\t{r.State}\t{partners}\t{r.Reason ?? ""}".TrimEnd('\t');
    }
}
