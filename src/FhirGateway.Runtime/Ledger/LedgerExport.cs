using System.Text.Json;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Ledger;

/// <summary>
/// What an auditor takes away: the chain as JSON lines (<c>ledger.jsonl</c>, every field that is hashed, and the hash)
/// and the signed checkpoints (<c>checkpoints.jsonl</c>), so that a later <c>audit verify --checkpoint</c> finds any
/// entry removed or rewritten since.
/// </summary>
public static class LedgerExport
{
    public const string LedgerFileName = "ledger.jsonl";
    public const string CheckpointsFileName = "checkpoints.jsonl";

    /// <summary>Writes both files into <paramref name="folder"/>; returns the number of entries.</summary>
    public static async Task<long> WriteAsync(ILedgerStore store, IReadOnlyList<LedgerCheckpoint> checkpoints, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(checkpoints);
        Directory.CreateDirectory(folder);
        long count = 0;
        await using (var file = new FileStream(Path.Combine(folder, LedgerFileName), FileMode.Create, FileAccess.Write))
        {
            await foreach (var entry in store.ReadLedgerAsync(cancellationToken))
            {
                await using (var w = new Utf8JsonWriter(file)) Write(entry, w);
                file.WriteByte((byte)'\n');
                count++;
            }
        }
        await File.WriteAllLinesAsync(Path.Combine(folder, CheckpointsFileName), checkpoints.Select(c => c.ToJson()), cancellationToken);
        return count;
    }

    private static void Write(LedgerEntry e, Utf8JsonWriter w)
    {
        var d = e.Draft;
        w.WriteStartObject();
        w.WriteNumber("seq", e.Seq);
        w.WriteString("at", e.At);
        w.WriteString("step", d.Step);
        w.WriteString("record", d.RecordKey);
        w.WriteString("patient", d.PatientId);
        w.WriteString("partner", d.PartnerId);
        w.WriteString("status", d.Status);
        w.WriteString("payload", d.PayloadHash);
        w.WriteStartArray("resources");
        foreach (var r in d.Resources) w.WriteStringValue(r);
        w.WriteEndArray();
        w.WriteString("detail", d.Detail);
        w.WriteString("prev", e.PreviousHash);
        w.WriteString("hash", e.Hash);
        w.WriteEndObject();
    }
}
