using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Ledger;

/// <summary>What a verification found: the chain's verdict, and the lines of checkpoint files that could not be read.</summary>
public sealed record LedgerAuditResult(LedgerVerification Verification, IReadOnlyList<string> CheckpointFileProblems)
{
    /// <summary>True when the chain holds and agrees with every checkpoint, and every checkpoint line could be read.</summary>
    public bool Intact => Verification.Intact && CheckpointFileProblems.Count == 0;
}

/// <summary>
/// One verification of the ledger, as <c>fhirgw audit verify</c> and the console run it: the keyed chain recomputed with
/// the configured key ring and checked against the signed checkpoints of the data folder (and any further checkpoint
/// files); and the latest checkpoint, for the console's ledger status.
/// </summary>
public sealed class LedgerAudit(ILedgerStore store, LedgerKeyRing keys, IOptions<GatewayOptions> options)
{
    public LedgerKeyRing Keys => keys;

    public string CheckpointFile => LedgerCheckpoint.PathIn(options.Value.DataFolder);

    public async Task<LedgerAuditResult> VerifyAsync(IReadOnlyList<string> moreCheckpointFiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moreCheckpointFiles);
        var checkpoints = new List<LedgerCheckpoint>();
        var problems = new List<string>();
        foreach (var file in moreCheckpointFiles.Prepend(CheckpointFile))
        {
            var (found, bad) = LedgerCheckpoint.ReadFile(file);
            checkpoints.AddRange(found);
            problems.AddRange(bad);
        }
        var verification = await LedgerVerifier.VerifyAsync(store.ReadLedgerAsync(cancellationToken), keys, checkpoints, cancellationToken);
        return new LedgerAuditResult(verification, problems);
    }

    /// <summary>The newest checkpoint in the data folder's file, and whether its signature holds; null when none was written.</summary>
    public (LedgerCheckpoint Checkpoint, bool Authentic)? LastCheckpoint()
    {
        var (found, _) = LedgerCheckpoint.ReadFile(CheckpointFile);
        return found.Count == 0 ? null : (found[^1], found[^1].IsAuthentic(keys));
    }
}
