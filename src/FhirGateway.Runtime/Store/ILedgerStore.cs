using FhirGateway.Runtime.Ledger;

namespace FhirGateway.Runtime.Store;

/// <summary>The hash-chained ledger: reading it (all, after a point, the head, a trace) and appending entries that change no state.</summary>
public interface ILedgerStore
{
    /// <summary>Every entry, in sequence order (streamed).</summary>
    IAsyncEnumerable<LedgerEntry> ReadLedgerAsync(CancellationToken cancellationToken);

    /// <summary>The ledger's last entry: its sequence number and hash (0 and the genesis hash when empty), for checkpoints.</summary>
    Task<(long Seq, string Hash)> GetLedgerHeadAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> ledger entries after sequence number <paramref name="afterSeq"/>, in order.</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadLedgerAfterAsync(long afterSeq, int max, CancellationToken cancellationToken);

    /// <summary>The ledger entries of the given records, or of every record of a patient, in sequence order.</summary>
    Task<IReadOnlyList<LedgerEntry>> TraceAsync(string? record, string? patientId, CancellationToken cancellationToken);

    /// <summary>Appends entries that change no state (an operator's view or action, with who did it).</summary>
    Task AppendLedgerAsync(IReadOnlyList<LedgerDraft> entries, CancellationToken cancellationToken);
}
