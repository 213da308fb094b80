using System.Globalization;
using System.Text;
using System.Text.Json;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.Runtime.Ledger;

/// <summary>
/// A signed statement of the ledger's head at a moment: its sequence number and hash, HMAC'd under the ledger key
/// (<see cref="KeyId"/> names which). Kept outside the database, so that truncating or rewriting the database is
/// found against it, and a checkpoint edited without the key no longer verifies.
/// </summary>
public sealed record LedgerCheckpoint(long Seq, string Head, string At, string KeyId, string Mac)
{
    /// <summary>The checkpoint file of a data folder (JSON lines, appended).</summary>
    public const string FileName = "ledger-checkpoints.jsonl";

    public static string PathIn(string dataFolder) => Path.Combine(dataFolder, FileName);

    public static LedgerCheckpoint Sign(long seq, string head, string at, LedgerKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new LedgerCheckpoint(seq, head, at, key.Id, key.Mac(Signed(seq, head, at, key.Id)));
    }

    /// <summary>True when the signature holds under the key it names (false when that key is not in <paramref name="keys"/>).</summary>
    public bool IsAuthentic(LedgerKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Keys.TryGetValue(KeyId, out var key)
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.Mac(Signed(Seq, Head, At, KeyId))), Encoding.ASCII.GetBytes(Mac));
    }

    private static byte[] Signed(long seq, string head, string at, string keyId) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"fhirgw-ledger-checkpoint\n{seq}\n{head}\n{at}\n{keyId}"));

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("seq", Seq);
            w.WriteString("head", Head);
            w.WriteString("at", At);
            w.WriteString("key", KeyId);
            w.WriteString("mac", Mac);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The checkpoints of a file, in order; a line that is not a checkpoint is returned as a problem with its line number.</summary>
    public static (IReadOnlyList<LedgerCheckpoint> Checkpoints, IReadOnlyList<string> Problems) ReadFile(string path)
    {
        var checkpoints = new List<LedgerCheckpoint>();
        var problems = new List<string>();
        if (!File.Exists(path)) return (checkpoints, problems);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (Parse(Encoding.UTF8.GetBytes(line)) is { } checkpoint) checkpoints.Add(checkpoint);
            else problems.Add($"{Path.GetFileName(path)} line {number} is not a checkpoint");
        }
        return (checkpoints, problems);
    }

    private static LedgerCheckpoint? Parse(byte[] json)
    {
        if (!JsonInputGuard.HasValidStrings(json)) return null;
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        if (r.ValueKind != JsonValueKind.Object) return null;
        string? Text(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (!r.TryGetProperty("seq", out var seq) || seq.ValueKind != JsonValueKind.Number || !seq.TryGetInt64(out var n)) return null;
        return Text("head") is { } head && Text("at") is { } at && Text("key") is { } key && Text("mac") is { } mac
            ? new LedgerCheckpoint(n, head, at, key, mac)
            : null;
    }

    /// <summary>Appends one checkpoint to a file and flushes it to disk.</summary>
    public static async Task AppendAsync(string path, LedgerCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough);
        var line = Encoding.UTF8.GetBytes(checkpoint.ToJson() + "\n");
        await stream.WriteAsync(line, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
