namespace FhirGateway.Runtime.Ledger;

/// <summary>
/// The result of recomputing the chain: how many entries, the head hash, the first broken entry with why; how many
/// leading entries are unkeyed (written before the ledger had a key) and whether keyed ones follow them; how many
/// checkpoints were checked and the first that does not hold (a truncated tail, a rewritten chain, an edited checkpoint).
/// </summary>
public sealed record LedgerVerification(long Count, string HeadHash, long? BrokenSeq, string? Reason)
{
    /// <summary>Entries with a plain SHA-256 hash (all of them come first: an unkeyed entry after a keyed one is a break).</summary>
    public long UnkeyedEntries { get; init; }

    public int CheckpointsChecked { get; init; }

    /// <summary>Why the ledger does not agree with a checkpoint, or null.</summary>
    public string? CheckpointProblem { get; init; }

    public bool Intact => BrokenSeq is null && CheckpointProblem is null;

    /// <summary>True when every entry is keyed, or the unkeyed ones are sealed by a keyed entry after them.</summary>
    public bool Keyed => UnkeyedEntries == 0 || UnkeyedEntries < Count;
}

/// <summary>
/// Recomputes the hash chain entry by entry, in sequence order, and stops at the first entry that does not hold; then
/// checks the chain against signed checkpoints. Keyed entries need their key (<see cref="LedgerKeyRing"/>).
/// </summary>
public static class LedgerVerifier
{
    public static Task<LedgerVerification> VerifyAsync(IAsyncEnumerable<LedgerEntry> entries, CancellationToken cancellationToken) =>
        VerifyAsync(entries, LedgerKeyRing.None, [], cancellationToken);

    public static async Task<LedgerVerification> VerifyAsync(IAsyncEnumerable<LedgerEntry> entries, LedgerKeyRing keys,
        IReadOnlyList<LedgerCheckpoint> checkpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(checkpoints);
        var wanted = checkpoints.Select(c => c.Seq).ToHashSet();
        var hashesAt = new Dictionary<long, string>();
        var previous = LedgerChain.Genesis;
        long expectedSeq = 1, count = 0, unkeyed = 0;
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            var broken = Check(entry, expectedSeq, previous, keys, keyedSeen: count > unkeyed);
            if (broken is not null) return new LedgerVerification(count, previous, entry.Seq, broken) { UnkeyedEntries = unkeyed };
            if (LedgerChain.KeyIdOf(entry.Hash) is null) unkeyed++;
            if (wanted.Contains(entry.Seq)) hashesAt[entry.Seq] = entry.Hash;
            previous = entry.Hash;
            expectedSeq = entry.Seq + 1;
            count++;
        }
        return new LedgerVerification(count, previous, null, null)
        {
            UnkeyedEntries = unkeyed,
            CheckpointsChecked = checkpoints.Count,
            CheckpointProblem = CheckCheckpoints(checkpoints, keys, count, hashesAt),
        };
    }

    private static string? Check(LedgerEntry entry, long expectedSeq, string previousHash, LedgerKeyRing keys, bool keyedSeen)
    {
        if (entry.Seq != expectedSeq)
            return $"expected entry #{expectedSeq} next, found #{entry.Seq}: entries are missing";
        if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            return $"its previous hash {Short(entry.PreviousHash)} is not the hash {Short(previousHash)} of the entry before it";
        LedgerKey? key = null;
        switch (LedgerChain.KeyIdOf(entry.Hash))
        {
            case null when keyedSeen:
                return "it is unkeyed after keyed entries: it was written, or the chain recomputed, without the ledger key";
            case { } id when !keys.Keys.TryGetValue(id, out key):
                return $"it is signed with ledger key {id}, which is not configured (Ledger:Key, Ledger:KeyFile or Ledger:PreviousKeys): it cannot be checked";
        }
        var computed = LedgerChain.ComputeHash(entry, key);
        if (!string.Equals(computed, entry.Hash, StringComparison.Ordinal))
            return $"its content does not match its hash (stored {Short(entry.Hash)}, recomputed {Short(computed)}): the entry was modified";
        return null;
    }

    private static string? CheckCheckpoints(IReadOnlyList<LedgerCheckpoint> checkpoints, LedgerKeyRing keys, long count, Dictionary<long, string> hashesAt)
    {
        foreach (var c in checkpoints)
        {
            if (!keys.Keys.ContainsKey(c.KeyId))
                return $"the checkpoint of {c.At} is signed with ledger key {c.KeyId}, which is not configured: it cannot be checked";
            if (!c.IsAuthentic(keys))
                return $"the checkpoint of {c.At} (entry #{c.Seq}) does not hold its signature: the checkpoint was altered";
            if (c.Seq > count)
                return $"the checkpoint of {c.At} records {c.Seq} entries, the ledger holds {count}: its tail was removed";
            if (c.Seq > 0 && (!hashesAt.TryGetValue(c.Seq, out var hash) || !string.Equals(hash, c.Head, StringComparison.Ordinal)))
                return $"entry #{c.Seq} is not the one checkpointed at {c.At} (head {Short(c.Head)}): the chain was rewritten";
        }
        return null;
    }

    private static string Short(string hash)
    {
        var hex = hash[(hash.LastIndexOf(':') + 1)..];
        return hex.Length > 12 ? hex[..12] + "…" : hex;
    }
}
