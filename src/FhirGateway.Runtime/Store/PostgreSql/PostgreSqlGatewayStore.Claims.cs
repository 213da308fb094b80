using FhirGateway.Mapping;
using Npgsql;

namespace FhirGateway.Runtime.Store.PostgreSql;

/// <summary>
/// The delivery claim across instances. The queue head is read in one statement (one snapshot) with, per row, whether
/// an older record of its patient is still waiting to be routed; <see cref="DeliveryOrdering"/> chooses; the chosen
/// rows are then locked with <c>FOR UPDATE SKIP LOCKED</c> and checked again under the lock (still pending and due,
/// or leased with an expired lease). A row another instance holds, or that changed meanwhile, blocks its patient:
/// every later row of that patient is let go, so an instance never overtakes a record another one is sending. A few
/// rounds fill the batch with other patients when a competing claim took the first choice.
/// </summary>
public sealed partial class PostgreSqlGatewayStore
{
    private const int ClaimScanLimit = 2000;
    private const int ClaimRounds = 3;

    public Task<IReadOnlyList<ClaimedDelivery>> ClaimDeliveriesAsync(string partnerId, string owner, int max, TimeSpan lease, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<ClaimedDelivery>>(async (c, tx) =>
        {
            var now = NowMs;
            var (queue, unrouted) = await QueueHeadAsync(c, tx, partnerId, cancellationToken);
            var locked = new HashSet<long>();
            List<QueueRow> choice = [];
            for (var round = 0; round < ClaimRounds; round++)
            {
                choice = DeliveryOrdering.Choose(queue, unrouted, now, max);
                var wanted = choice.Where(q => !locked.Contains(q.Id)).Select(q => q.Id).ToArray();
                if (wanted.Length == 0) break;
                locked.UnionWith(await LockClaimableAsync(c, tx, wanted, now, cancellationToken));
                var missed = choice.Where(q => !locked.Contains(q.Id)).ToList();
                if (missed.Count == 0) break;
                // a row held elsewhere (or changed meanwhile) blocks its patient from there on, like an unrouted record
                foreach (var m in missed) unrouted[m.PatientId] = Math.Min(unrouted.GetValueOrDefault(m.PatientId, long.MaxValue), m.RecordSeq - 1);
            }
            var taken = Kept(choice, locked);
            if (taken.Count == 0) return [];
            await ExecuteAsync(c, tx, """
                UPDATE deliveries SET status = @leased, lease_owner = @owner, lease_until = @until, updated_at = @now WHERE id = ANY(@ids)
                """, cancellationToken, ("@leased", DeliveryStates.Leased), ("@owner", owner), ("@until", now + (long)lease.TotalMilliseconds),
                ("@now", now), ("@ids", taken.Select(l => l.Id).ToArray()));
            var records = await LoadMappedAsync(c, tx, taken.Select(l => l.RecordKey).Distinct().ToArray(), cancellationToken);
            return taken.Select(l => new ClaimedDelivery(l.Id, partnerId, l.RecordSeq, records[l.RecordKey], l.Attempts, l.Solo)).ToList();
        }, cancellationToken);

    /// <summary>The chosen rows this claim holds, up to each patient's first row it does not hold (a later one would overtake it).</summary>
    private static List<QueueRow> Kept(List<QueueRow> choice, HashSet<long> locked)
    {
        var stopped = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<QueueRow>();
        foreach (var row in choice)
        {
            if (stopped.Contains(row.PatientId)) continue;
            if (locked.Contains(row.Id)) kept.Add(row);
            else stopped.Add(row.PatientId);
        }
        return kept;
    }

    private static async Task<(List<QueueRow> Queue, Dictionary<string, long> Unrouted)> QueueHeadAsync(NpgsqlConnection c, NpgsqlTransaction tx, string partnerId,
        CancellationToken cancellationToken)
    {
        var rows = new List<QueueRow>();
        var unrouted = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var cmd = Command(c, tx, """
            SELECT d.id, d.record_key, r.record_id, d.record_seq, d.patient_id, d.status, d.next_attempt_at, d.lease_until, d.attempts, d.solo,
                   EXISTS(SELECT 1 FROM records e WHERE e.patient_id = d.patient_id AND e.state = @waiting AND e.seq < d.record_seq)
            FROM deliveries d JOIN records r ON r.record_key = d.record_key
            WHERE d.partner_id = @partner AND d.status IN (@pending, @leased, @held)
            ORDER BY d.record_seq LIMIT @limit
            """, ("@partner", partnerId), ("@pending", DeliveryStates.Pending), ("@leased", DeliveryStates.Leased),
            ("@held", DeliveryStates.Held), ("@limit", ClaimScanLimit), ("@waiting", RecordStates.Waiting));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var row = new QueueRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4), r.GetString(5),
                r.GetInt64(6), r.IsDBNull(7) ? null : r.GetInt64(7), r.GetInt32(8), r.GetBoolean(9));
            rows.Add(row);
            // an older unrouted record precedes this row, and (record numbers ascending) every later row of the patient
            if (r.GetBoolean(10)) unrouted.TryAdd(row.PatientId, row.RecordSeq - 1);
        }
        return (rows, unrouted);
    }

    /// <summary>Locks those of the rows that are still claimable now, skipping rows another transaction holds; the ids locked.</summary>
    private static async Task<HashSet<long>> LockClaimableAsync(NpgsqlConnection c, NpgsqlTransaction tx, long[] ids, long now, CancellationToken cancellationToken)
    {
        var got = new HashSet<long>();
        await using var cmd = Command(c, tx, """
            SELECT id FROM deliveries
            WHERE id = ANY(@ids)
              AND ((status = @pending AND next_attempt_at <= @now) OR (status = @leased AND lease_until < @now))
            FOR UPDATE SKIP LOCKED
            """, ("@ids", ids), ("@pending", DeliveryStates.Pending), ("@leased", DeliveryStates.Leased), ("@now", now));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) got.Add(r.GetInt64(0));
        return got;
    }

    private static async Task<Dictionary<string, MappedRecord>> LoadMappedAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string[] recordKeys, CancellationToken cancellationToken)
    {
        var envelopes = new Dictionary<string, Mapping.Records.RecordEnvelope>(StringComparer.Ordinal);
        await using (var env = Command(c, tx, "SELECT record_key, record_id, version, kind, patient_id, recorded_at FROM records WHERE record_key = ANY(@keys)", ("@keys", recordKeys)))
        await using (var r = await env.ExecuteReaderAsync(cancellationToken))
            while (await r.ReadAsync(cancellationToken)) envelopes[r.GetString(0)] = ReadEnvelope(r, 1);
        var resources = recordKeys.ToDictionary(k => k, _ => new List<MappedResource>(), StringComparer.Ordinal);
        await using (var res = Command(c, tx, """
            SELECT record_key, resource_type, resource_id, profile, identifier_system, identifier_value, json FROM resources
            WHERE record_key = ANY(@keys) ORDER BY record_key, ordinal
            """, ("@keys", recordKeys)))
        await using (var r = await res.ExecuteReaderAsync(cancellationToken))
            while (await r.ReadAsync(cancellationToken))
                resources[r.GetString(0)].Add(new MappedResource(r.GetString(1), r.GetString(2), r.GetString(3),
                    new BusinessIdentifier(r.GetString(4), r.GetString(5)), (byte[])r["json"]));
        return recordKeys.ToDictionary(k => k, k => new MappedRecord(
            envelopes.TryGetValue(k, out var e) ? e : throw new InvalidOperationException($"Record {k} is queued for delivery but not stored."), resources[k]),
            StringComparer.Ordinal);
    }
}
