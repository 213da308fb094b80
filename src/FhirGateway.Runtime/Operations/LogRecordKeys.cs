using System.Security.Cryptography;
using System.Text;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Operations;

/// <summary>How the logs name records (<c>Logging:RecordKeys</c>).</summary>
public enum RecordKeyLogging
{
    /// <summary>As <c>recordId@version</c>: easy to search, but a record id that embeds PHI puts it in the logs.</summary>
    Plain,
    /// <summary>As <c>rk-</c> and a keyed hash of <c>recordId@version</c>: nothing of the id in the logs; <c>fhirgw audit trace</c> prints it.</summary>
    Hashed,
}

public sealed class LoggingOptions
{
    public RecordKeyLogging RecordKeys { get; set; } = RecordKeyLogging.Plain;
}

/// <summary>
/// Names records in log lines: plainly, or as a keyed hash (HMAC-SHA-256 under a key derived from the ledger key, so
/// the same record has the same name in every line and run, and nobody without the key can test guesses against it).
/// </summary>
public sealed class LogRecordKeys
{
    private readonly byte[]? _key;

    public LogRecordKeys(IOptions<GatewayOptions> options, LedgerKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        if (options.Value.Logging.RecordKeys == RecordKeyLogging.Hashed)
            _key = keys.Current is { } ledgerKey ? Convert.FromHexString(ledgerKey.Mac("fhirgw-log-record-keys"u8))
                : throw new InvalidOperationException("Logging:RecordKeys=Hashed needs a ledger key (Ledger:Key or Ledger:KeyFile).");
    }

    public bool Hashed => _key is not null;

    /// <summary>The record key as the logs write it.</summary>
    public string Show(string recordKey)
    {
        ArgumentNullException.ThrowIfNull(recordKey);
        return _key is null ? recordKey : "rk-" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(recordKey)))[..16];
    }
}
