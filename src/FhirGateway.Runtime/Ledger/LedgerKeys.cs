using System.Security.Cryptography;
using System.Text;

namespace FhirGateway.Runtime.Ledger;

/// <summary>One ledger key: its id (a fingerprint that names it in entries and checkpoints, never the key) and its bytes.</summary>
public sealed class LedgerKey
{
    public const int MinimumLength = 32;

    public LedgerKey(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        Bytes = Encoding.UTF8.GetBytes(secret.Trim());
        Id = Convert.ToHexStringLower(SHA256.HashData([.. "fhirgw-ledger-key-id:"u8, .. Bytes]))[..12];
    }

    public string Id { get; }

    internal byte[] Bytes { get; }

    public string Mac(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(HMACSHA256.HashData(Bytes, data));
}

/// <summary>The key the gateway signs with now (none: an unkeyed ledger) and every key it can still verify with, by id.</summary>
public sealed class LedgerKeyRing
{
    public static readonly LedgerKeyRing None = new(null, []);

    public LedgerKeyRing(LedgerKey? current, IEnumerable<LedgerKey> previous)
    {
        Current = current;
        var all = new Dictionary<string, LedgerKey>(StringComparer.Ordinal);
        foreach (var key in previous.Prepend(current).OfType<LedgerKey>()) all.TryAdd(key.Id, key);
        Keys = all;
    }

    public LedgerKey? Current { get; }

    public IReadOnlyDictionary<string, LedgerKey> Keys { get; }

    /// <summary>The keys the settings give (validated at start by <see cref="Problem"/>).</summary>
    public static LedgerKeyRing From(LedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secret = !string.IsNullOrWhiteSpace(options.Key) ? options.Key
            : !string.IsNullOrWhiteSpace(options.KeyFile) && File.Exists(options.KeyFile) ? File.ReadAllText(options.KeyFile) : null;
        var current = string.IsNullOrWhiteSpace(secret) ? null : new LedgerKey(secret);
        return new LedgerKeyRing(current, options.PreviousKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => new LedgerKey(k)));
    }

    /// <summary>
    /// Why a command that writes to the ledger (<c>run</c>, <c>ingest</c>, <c>replay</c>) must not start: no key and no
    /// explicit <c>Ledger:Unkeyed</c>. Null when it may. Commands that only read (<c>audit</c>, <c>partners check</c>) need no key
    /// to start; <c>audit verify</c> then says which entries it cannot check.
    /// </summary>
    public static string? MissingKey(LedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.Key) || !string.IsNullOrWhiteSpace(options.KeyFile) || options.Unkeyed) return null;
        return "no ledger key is given: set Ledger:Key (FHIRGW_LEDGER__KEY) or Ledger:KeyFile (FHIRGW_LEDGER__KEYFILE, a file outside the data folder), "
            + "or Ledger:Unkeyed=true for development only (an unkeyed ledger shows accidental damage, not rewriting)";
    }

    /// <summary>What is wrong with the key settings, as (setting, message) pairs.</summary>
    public static IEnumerable<(string Key, string Message)> Problems(LedgerOptions options, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasKey = !string.IsNullOrWhiteSpace(options.Key);
        var hasFile = !string.IsNullOrWhiteSpace(options.KeyFile);
        if (hasKey && options.Key!.Trim().Length < LedgerKey.MinimumLength)
            yield return ("Ledger:Key", $"must be at least {LedgerKey.MinimumLength} characters (e.g. openssl rand -base64 48)");
        if (hasFile)
        {
            var file = Path.GetFullPath(options.KeyFile!);
            var data = Path.GetFullPath(dataFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (file.StartsWith(data, StringComparison.Ordinal))
                yield return ("Ledger:KeyFile", $"must be outside the data folder {dataFolder}: whoever can rewrite the database must not also find the key there");
            else if (!File.Exists(file)) yield return ("Ledger:KeyFile", $"names no file: {file}");
            else if (File.ReadAllText(file).Trim().Length < LedgerKey.MinimumLength)
                yield return ("Ledger:KeyFile", $"must hold a key of at least {LedgerKey.MinimumLength} characters");
        }
        if (options.PreviousKeys.Any(k => string.IsNullOrWhiteSpace(k) || k.Trim().Length < LedgerKey.MinimumLength))
            yield return ("Ledger:PreviousKeys", $"each previous key must be at least {LedgerKey.MinimumLength} characters");
    }
}
