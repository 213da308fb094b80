namespace FhirGateway.Runtime.Ledger;

/// <summary>
/// The ledger's key and checkpoints (<c>Ledger:…</c>). Every entry's hash is an HMAC-SHA-256 under the key, so only
/// the key's holder can write a chain that verifies; the key lives outside the data folder.
/// </summary>
public sealed class LedgerOptions
{
    /// <summary>The key itself (at least 32 characters; <c>FHIRGW_LEDGER__KEY</c>), e.g. from a secret store.</summary>
    public string? Key { get; set; }

    /// <summary>A file the operator places outside the data folder, holding the key (its text, trimmed).</summary>
    public string? KeyFile { get; set; }

    /// <summary>Keys used before a rotation, kept so that entries and checkpoints they signed still verify.</summary>
    public List<string> PreviousKeys { get; set; } = [];

    /// <summary>
    /// Development only: write an unkeyed (plain SHA-256) chain when no key is given. Without a key and without this,
    /// the gateway refuses to start.
    /// </summary>
    public bool Unkeyed { get; set; }

    /// <summary>How often the running gateway writes a signed checkpoint of the ledger's head (when it moved).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An external sink each checkpoint is also POSTed to (JSON), e.g. a WORM store or another team's log; empty for none.</summary>
    public string? CheckpointUrl { get; set; }
}
