namespace FhirGateway.Runtime.Ledger;

/// <summary>The result of recomputing the chain: how many entries, the head hash, and the first broken entry with why.</summary>
public sealed record LedgerVerification(long Count, string HeadHash, long? BrokenSeq, string? Reason)
{
    public bool Intact => BrokenSeq is null;
}

/// <summary>Recomputes the hash chain entry by entry, in sequence order, and stops at the first entry that does not hold.</summary>
public static class LedgerVerifier
{
    public static async Task<LedgerVerification> VerifyAsync(IAsyncEnumerable<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previous = LedgerChain.Genesis;
        long expectedSeq = 1, count = 0;
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            var broken = Check(entry, expectedSeq, previous);
            if (broken is not null) return new LedgerVerification(count, previous, entry.Seq, broken);
            previous = entry.Hash;
            expectedSeq = entry.Seq + 1;
            count++;
        }
        return new LedgerVerification(count, previous, null, null);
    }

    private static string? Check(LedgerEntry entry, long expectedSeq, string previousHash)
    {
        if (entry.Seq != expectedSeq)
            return $"expected entry #{expectedSeq} next, found #{entry.Seq}: entries are missing";
        if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            return $"its previous hash {Short(entry.PreviousHash)} is not the hash {Short(previousHash)} of the entry before it";
        var computed = LedgerChain.ComputeHash(entry);
        if (!string.Equals(computed, entry.Hash, StringComparison.Ordinal))
            return $"its content does not match its hash (stored {Short(entry.Hash)}, recomputed {Short(computed)}): the entry was modified";
        return null;
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;
}
