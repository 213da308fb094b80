using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace FhirGateway.Runtime.Ledger;

/// <summary>
/// The hash chain: each entry's hash is the SHA-256 of its canonical form (every field in a fixed order, including
/// the previous entry's hash), so changing, removing or reordering any entry breaks every hash after it.
/// </summary>
public static class LedgerChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string ComputeHash(long seq, string at, LedgerDraft draft, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, CanonicalJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("seq", seq);
            w.WriteString("at", at);
            w.WriteString("step", draft.Step);
            w.WriteString("record", draft.RecordKey);
            w.WriteString("patient", draft.PatientId);
            WriteOptional(w, "partner", draft.PartnerId);
            WriteOptional(w, "status", draft.Status);
            WriteOptional(w, "payload", draft.PayloadHash);
            w.WriteStartArray("resources");
            foreach (var r in draft.Resources) w.WriteStringValue(r);
            w.WriteEndArray();
            WriteOptional(w, "detail", draft.Detail);
            w.WriteString("prev", previousHash);
            w.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    public static string ComputeHash(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ComputeHash(entry.Seq, entry.At, entry.Draft, entry.PreviousHash);
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
