namespace FhirGateway.Runtime.Store;

/// <summary>A queued delivery as the claim sees it.</summary>
internal sealed record QueueRow(long Id, string RecordKey, string RecordId, long RecordSeq, string PatientId, string Status,
    long NextAttemptAt, long? LeaseUntil, int Attempts, bool Solo);

/// <summary>
/// Chooses which queued deliveries of one partner go next, keeping each patient's records in order: walking the queue
/// oldest first, a patient is blocked from the first of its deliveries that cannot go now (held, not yet due, leased
/// by a live worker) or that an older, not yet routed record of that patient precedes. A batch never carries two
/// versions of one record, and a delivery marked solo goes alone.
/// </summary>
internal static class DeliveryOrdering
{
    public static List<QueueRow> Choose(IReadOnlyList<QueueRow> queue, IReadOnlyDictionary<string, long> oldestUnroutedByPatient, long now, int max)
    {
        var taken = new List<QueueRow>();
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var recordIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in queue)
        {
            if (taken.Count >= max || (taken.Count > 0 && taken[0].Solo)) break;
            if (blocked.Contains(row.PatientId)) continue;
            var unroutedBefore = oldestUnroutedByPatient.TryGetValue(row.PatientId, out var seq) && seq < row.RecordSeq;
            if (unroutedBefore || !IsDue(row, now) || recordIds.Contains(row.RecordId) || (row.Solo && taken.Count > 0))
            {
                blocked.Add(row.PatientId);
                continue;
            }
            taken.Add(row);
            recordIds.Add(row.RecordId);
        }
        return taken;
    }

    private static bool IsDue(QueueRow row, long now) => row.Status switch
    {
        DeliveryStates.Pending => row.NextAttemptAt <= now,
        DeliveryStates.Leased => row.LeaseUntil is { } until && until < now,
        _ => false,
    };
}
