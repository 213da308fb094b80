namespace FhirGateway.Runtime.Store;

/// <summary>A queued delivery as the claim sees it.</summary>
internal sealed record QueueRow(long Id, string RecordKey, string RecordId, long RecordSeq, string PatientId, string Status,
    long NextAttemptAt, long? LeaseUntil, int Attempts, bool Solo);

/// <summary>
/// Chooses which queued deliveries of one partner go next, keeping each patient's records in order: walking the queue
/// oldest first, a patient is blocked from the first of its deliveries that cannot go now (held, not yet due, leased
/// by a live worker) or that an older, not yet routed record of that patient precedes. A batch never carries two
/// versions of one record, and a delivery marked solo goes alone. Rows are offered one at a time, so a store can stop
/// reading its queue as soon as the batch is <see cref="Full"/>.
/// </summary>
internal sealed class DeliveryOrdering(long now, int max)
{
    private readonly HashSet<string> _blocked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _recordIds = new(StringComparer.Ordinal);

    public List<QueueRow> Taken { get; } = [];

    /// <summary>True when no further row can join the batch.</summary>
    public bool Full => Taken.Count >= max || (Taken.Count > 0 && Taken[0].Solo);

    /// <summary>Offers the next row of the queue (oldest first); <paramref name="unroutedBefore"/>: an older record of its patient is not yet routed.</summary>
    public void Offer(QueueRow row, bool unroutedBefore)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (Full || _blocked.Contains(row.PatientId)) return;
        if (unroutedBefore || !IsDue(row) || _recordIds.Contains(row.RecordId) || (row.Solo && Taken.Count > 0))
        {
            _blocked.Add(row.PatientId);
            return;
        }
        Taken.Add(row);
        _recordIds.Add(row.RecordId);
    }

    /// <summary>The batch from a whole queue and, per patient, the sequence number of its oldest record not yet routed.</summary>
    public static List<QueueRow> Choose(IReadOnlyList<QueueRow> queue, IReadOnlyDictionary<string, long> oldestUnroutedByPatient, long now, int max)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(oldestUnroutedByPatient);
        var ordering = new DeliveryOrdering(now, max);
        foreach (var row in queue)
        {
            if (ordering.Full) break;
            ordering.Offer(row, oldestUnroutedByPatient.TryGetValue(row.PatientId, out var seq) && seq < row.RecordSeq);
        }
        return ordering.Taken;
    }

    private bool IsDue(QueueRow row) => row.Status switch
    {
        DeliveryStates.Pending => row.NextAttemptAt <= now,
        DeliveryStates.Leased => row.LeaseUntil is { } until && until < now,
        _ => false,
    };
}
