using FhirGateway.Mapping;
using FhirGateway.Runtime.Ledger;
using Microsoft.Data.Sqlite;

namespace FhirGateway.Runtime.Store.Sqlite;

public sealed partial class SqliteGatewayStore
{
    private const int ClaimScanLimit = 2000;

    public Task<IReadOnlyList<ClaimedDelivery>> ClaimDeliveriesAsync(string partnerId, string owner, int max, TimeSpan lease, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<ClaimedDelivery>>(async (c, tx) =>
        {
            var now = NowMs;
            var taken = await ChooseAsync(c, tx, partnerId, new DeliveryOrdering(now, max), cancellationToken);
            var claimed = new List<ClaimedDelivery>(taken.Count);
            foreach (var row in taken)
            {
                await ExecuteAsync(c, tx, """
                    UPDATE deliveries SET status = $leased, lease_owner = $owner, lease_until = $until, updated_at = $now WHERE id = $id
                    """, cancellationToken, ("$leased", DeliveryStates.Leased), ("$owner", owner), ("$until", now + (long)lease.TotalMilliseconds),
                    ("$now", now), ("$id", row.Id));
                claimed.Add(new ClaimedDelivery(row.Id, partnerId, row.RecordSeq, await LoadMappedAsync(c, tx, row.RecordKey, cancellationToken), row.Attempts, row.Solo));
            }
            return claimed;
        }, cancellationToken);

    /// <summary>
    /// Walks the partner's open deliveries oldest first (the partial index deliveries_open, so no sort) and stops as soon
    /// as the batch is full or <see cref="ClaimScanLimit"/> rows were seen. Whether an older record of the row's patient
    /// is still waiting is one probe of the partial index records_waiting per row read, not an aggregate over all
    /// waiting records. The states are literals so that SQLite can use the partial indexes.
    /// </summary>
    private static async Task<List<QueueRow>> ChooseAsync(SqliteConnection c, SqliteTransaction tx, string partnerId, DeliveryOrdering ordering, CancellationToken cancellationToken)
    {
        await using var cmd = Command(c, tx, $"""
            SELECT d.id, d.record_key, r.record_id, d.record_seq, d.patient_id, d.status, d.next_attempt_at, d.lease_until, d.attempts, d.solo,
                   EXISTS (SELECT 1 FROM records e WHERE e.patient_id = d.patient_id AND e.state = '{RecordStates.Waiting}' AND e.seq < d.record_seq)
            FROM deliveries d JOIN records r ON r.record_key = d.record_key
            WHERE d.partner_id = $partner AND d.status IN ('{DeliveryStates.Pending}', '{DeliveryStates.Leased}', '{DeliveryStates.Held}')
            ORDER BY d.record_seq LIMIT $limit
            """, ("$partner", partnerId), ("$limit", ClaimScanLimit));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (!ordering.Full && await r.ReadAsync(cancellationToken))
            ordering.Offer(new QueueRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4), r.GetString(5),
                r.GetInt64(6), r.IsDBNull(7) ? null : r.GetInt64(7), r.GetInt32(8), r.GetInt64(9) == 1), r.GetInt64(10) == 1);
        return ordering.Taken;
    }

    private static async Task<MappedRecord> LoadMappedAsync(SqliteConnection c, SqliteTransaction? tx, string recordKey, CancellationToken cancellationToken)
    {
        Mapping.Records.RecordEnvelope envelope;
        await using (var env = Command(c, tx, "SELECT record_id, version, kind, patient_id, recorded_at FROM records WHERE record_key = $key", ("$key", recordKey)))
        await using (var r = await env.ExecuteReaderAsync(cancellationToken))
        {
            if (!await r.ReadAsync(cancellationToken)) throw new InvalidOperationException($"Record {recordKey} is queued for delivery but not stored.");
            envelope = ReadEnvelope(r, 0);
        }
        var resources = new List<MappedResource>();
        await using (var res = Command(c, tx, """
            SELECT resource_type, resource_id, profile, identifier_system, identifier_value, json FROM resources WHERE record_key = $key ORDER BY ordinal
            """, ("$key", recordKey)))
        await using (var r = await res.ExecuteReaderAsync(cancellationToken))
            while (await r.ReadAsync(cancellationToken))
                resources.Add(new MappedResource(r.GetString(0), r.GetString(1), r.GetString(2),
                    new BusinessIdentifier(r.GetString(3), r.GetString(4)), (byte[])r["json"]));
        return new MappedRecord(envelope, resources);
    }

    public Task<int> MarkDeliveredAsync(IReadOnlyList<DeliveredItem> items, string owner, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken) =>
        WriteAsync(async (c, tx) =>
        {
            var moved = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                if (await TransitionAsync(c, tx, item.DeliveryId, owner, DeliveryStates.Delivered, "attempts = attempts + 1, last_status = '200'", cancellationToken) is not { } key) continue;
                moved.Add(key);
                await InsertAuditEventAsync(c, tx, item.DeliveryId, item.AuditEventId, item.AuditEvent, cancellationToken);
            }
            return await AppendMovedAsync(c, tx, moved, ledger, cancellationToken);
        }, cancellationToken);

    public Task<int> ScheduleRetryAsync(IReadOnlyList<long> deliveryIds, string owner, DateTimeOffset nextAttemptAt, string lastStatus, string? lastError, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken) =>
        TransitionAllAsync(deliveryIds, owner, DeliveryStates.Pending,
            "attempts = attempts + 1, next_attempt_at = $next, last_status = $lastStatus, last_error = $lastError", ledger, cancellationToken,
            ("$next", nextAttemptAt.ToUnixTimeMilliseconds()), ("$lastStatus", lastStatus), ("$lastError", lastError));

    public Task<int> SplitAsync(IReadOnlyList<long> deliveryIds, string owner, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken) =>
        TransitionAllAsync(deliveryIds, owner, DeliveryStates.Pending, "solo = 1, next_attempt_at = $next", ledger, cancellationToken, ("$next", NowMs));

    public Task<int> ParkDeliveriesAsync(IReadOnlyList<long> deliveryIds, string owner, string lastStatus, string operationOutcome,
        IReadOnlyList<(long DeliveryId, StoredAuditEvent AuditEvent)> auditEvents, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken) =>
        WriteAsync(async (c, tx) =>
        {
            var moved = new HashSet<string>(StringComparer.Ordinal);
            var movedIds = new HashSet<long>();
            foreach (var id in deliveryIds)
            {
                if (await TransitionAsync(c, tx, id, owner, DeliveryStates.Parked, "attempts = attempts + 1, last_status = $lastStatus, outcome = $outcome",
                    cancellationToken, ("$lastStatus", lastStatus), ("$outcome", operationOutcome)) is not { } key) continue;
                moved.Add(key);
                movedIds.Add(id);
            }
            foreach (var (id, audit) in auditEvents.Where(a => movedIds.Contains(a.DeliveryId))) await InsertAuditEventAsync(c, tx, id, audit.Id, audit.Json, cancellationToken);
            return await AppendMovedAsync(c, tx, moved, ledger, cancellationToken);
        }, cancellationToken);

    public Task<int> HoldDeliveriesAsync(IReadOnlyList<long> deliveryIds, string owner, string reason, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken) =>
        TransitionAllAsync(deliveryIds, owner, DeliveryStates.Held, "hold_reason = $reason", ledger, cancellationToken, ("$reason", reason));

    public Task ReleaseDeliveriesAsync(IReadOnlyList<long> deliveryIds, string owner, CancellationToken cancellationToken) =>
        WriteAsync(async (c, tx) =>
        {
            foreach (var id in deliveryIds)
                await ExecuteAsync(c, tx, """
                    UPDATE deliveries SET status = $pending, lease_owner = NULL, lease_until = NULL, updated_at = $now
                    WHERE id = $id AND status = $leased AND lease_owner = $owner
                    """, cancellationToken, ("$pending", DeliveryStates.Pending), ("$now", NowMs), ("$id", id),
                    ("$leased", DeliveryStates.Leased), ("$owner", owner));
        }, cancellationToken);

    public async Task<IReadOnlyList<string>> HeldPatientsAsync(string partnerId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var cmd = Command(c, null, "SELECT DISTINCT patient_id FROM deliveries WHERE partner_id = $partner AND status = $held",
            ("$partner", partnerId), ("$held", DeliveryStates.Held));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<string>();
        while (await r.ReadAsync(cancellationToken)) list.Add(r.GetString(0));
        return list;
    }

    public Task<IReadOnlyList<string>> ReleaseHeldAsync(string partnerId, string patientId, string detail, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<string>>(async (c, tx) =>
        {
            var keys = new List<string>();
            await using (var cmd = Command(c, tx, """
                UPDATE deliveries SET status = $pending, hold_reason = NULL, next_attempt_at = $now, updated_at = $now
                WHERE partner_id = $partner AND patient_id = $patient AND status = $held
                RETURNING record_key
                """, ("$pending", DeliveryStates.Pending), ("$now", NowMs), ("$partner", partnerId), ("$patient", patientId), ("$held", DeliveryStates.Held)))
            await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
                while (await r.ReadAsync(cancellationToken)) keys.Add(r.GetString(0));
            keys.Sort(StringComparer.Ordinal);
            await AppendLedgerAsync(c, tx, keys.Select(k => new LedgerDraft(LedgerSteps.Released, k, patientId) { PartnerId = partnerId, Detail = detail }).ToList(), cancellationToken);
            return keys;
        }, cancellationToken);

    /// <summary>
    /// Moves deliveries still leased by <paramref name="owner"/> and appends the ledger entries of the records that moved
    /// (none for a delivery whose lease another worker holds now); the number of deliveries moved.
    /// </summary>
    private Task<int> TransitionAllAsync(IReadOnlyList<long> deliveryIds, string owner, string status, string assignments, IReadOnlyList<LedgerDraft> ledger,
        CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        WriteAsync(async (c, tx) =>
        {
            var moved = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in deliveryIds)
                if (await TransitionAsync(c, tx, id, owner, status, assignments, cancellationToken, parameters) is { } key) moved.Add(key);
            return await AppendMovedAsync(c, tx, moved, ledger, cancellationToken);
        }, cancellationToken);

    private async Task<int> AppendMovedAsync(SqliteConnection c, SqliteTransaction tx, HashSet<string> moved, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken)
    {
        await AppendLedgerAsync(c, tx, ledger.Where(d => moved.Contains(d.RecordKey)).ToList(), cancellationToken);
        return moved.Count;
    }

    /// <summary>
    /// Moves a delivery leased by <paramref name="owner"/> to <paramref name="status"/>, clearing its lease, with extra
    /// assignments; its record key, or null when the delivery is no longer leased by that owner (its lease expired and
    /// another worker claimed it, or it was given back).
    /// </summary>
    private async Task<string?> TransitionAsync(SqliteConnection c, SqliteTransaction tx, long id, string owner, string status, string assignments,
        CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var cmd = Command(c, tx, $"""
            UPDATE deliveries SET status = $status, lease_owner = NULL, lease_until = NULL, updated_at = $now, {assignments}
            WHERE id = $id AND status = $leased AND lease_owner = $owner
            RETURNING record_key
            """, [("$status", status), ("$now", NowMs), ("$id", id), ("$leased", DeliveryStates.Leased), ("$owner", owner), .. parameters]);
        return await cmd.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task InsertAuditEventAsync(SqliteConnection c, SqliteTransaction tx, long deliveryId, string id, ReadOnlyMemory<byte> json, CancellationToken cancellationToken) =>
        await ExecuteAsync(c, tx, """
            INSERT OR IGNORE INTO audit_events(id, delivery_id, record_key, partner_id, created_at, json)
            SELECT $id, d.id, d.record_key, d.partner_id, $now, $json FROM deliveries d WHERE d.id = $delivery
            """, cancellationToken, ("$id", id), ("$now", NowMs), ("$json", json.ToArray()), ("$delivery", deliveryId));
}
