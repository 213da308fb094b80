using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace FhirGateway.Runtime.Ledger;

/// <summary>
/// The hash chain: each entry's hash is computed over its canonical form (every field in a fixed order, including the
/// previous entry's hash), so changing, removing or reordering any entry breaks every hash after it. Keyed (the
/// gateway's way): <c>hmac-sha256:KEYID:HEX</c>, the HMAC-SHA-256 under the ledger key, which nobody without the key can
/// recompute. Unkeyed (ledgers written before keys, or <c>Ledger:Unkeyed</c>): the plain SHA-256 hex.
/// </summary>
public static class LedgerChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public const string KeyedPrefix = "hmac-sha256:";

    /// <summary>The id of the key that signed a hash, or null for an unkeyed one.</summary>
    public static string? KeyIdOf(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (!hash.StartsWith(KeyedPrefix, StringComparison.Ordinal)) return null;
        var end = hash.IndexOf(':', KeyedPrefix.Length);
        return end < 0 ? "" : hash[KeyedPrefix.Length..end];
    }

    public static string ComputeHash(long seq, string at, LedgerDraft draft, string previousHash, LedgerKey? key = null)
    {
        var canonical = Canonical(seq, at, draft, previousHash);
        return key is null ? Convert.ToHexStringLower(SHA256.HashData(canonical)) : $"{KeyedPrefix}{key.Id}:{key.Mac(canonical)}";
    }

    public static string ComputeHash(LedgerEntry entry, LedgerKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ComputeHash(entry.Seq, entry.At, entry.Draft, entry.PreviousHash, key);
    }

    private static byte[] Canonical(long seq, string at, LedgerDraft draft, string previousHash)
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
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
