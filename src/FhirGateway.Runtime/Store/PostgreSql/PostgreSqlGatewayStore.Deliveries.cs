using FhirGateway.Runtime.Ledger;
using Npgsql;

namespace FhirGateway.Runtime.Store.PostgreSql;

/// <summary>
/// Transitions of leased deliveries: one UPDATE per call, guarded by status and lease owner. Under READ COMMITTED an
/// UPDATE that meets a row another instance is changing waits for it and checks the guard again on the committed row,
/// so a worker whose lease was taken over moves nothing.
/// </summary>
public sealed partial class PostgreSqlGatewayStore
{
    public Task<int> MarkDeliveredAsync(IReadOnlyList<DeliveredItem> items, string owner, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return WriteAsync(async (c, tx) =>
        {
            var moved = await TransitionAsync(c, tx, items.Select(i => i.DeliveryId).ToArray(), owner, DeliveryStates.Delivered,
                "attempts = attempts + 1, last_status = '200'", cancellationToken);
            foreach (var item in items.Where(i => moved.ContainsKey(i.DeliveryId)))
                await InsertAuditEventAsync(c, tx, item.DeliveryId, item.AuditEventId, item.AuditEvent, cancellationToken);
            return await AppendMovedAsync(c, tx, moved, ledger, cancellationToken);
        }, cancellationToken);
    }

    public Task<int> ScheduleRetryAsync(IReadOnlyList<long> deliveryIds, string owner, DateTimeOffset nextAttemptAt, string lastStatus, string? lastError, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken) =>
        TransitionAllAsync(deliveryIds, owner, DeliveryStates.Pending,
            "attempts = attempts + 1, next_attempt_at = @next, last_status = @lastStatus, last_error = @lastError", ledger, cancellationToken,
            ("@next", nextAttemptAt.ToUnixTimeMilliseconds()), ("@lastStatus", lastStatus), ("@lastError", lastError));

    public Task<int> SplitAsync(IReadOnlyList<long> deliveryIds, string owner, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken) =>
        TransitionAllAsync(deliveryIds, owner, DeliveryStates.Pending, "solo = true, next_attempt_at = @next", ledger, cancellationToken, ("@next", NowMs));

    public Task<int> ParkDeliveriesAsync(IReadOnlyList<long> deliveryIds, string owner, string lastStatus, string operationOutcome,
        IReadOnlyList<(long DeliveryId, StoredAuditEvent AuditEvent)> auditEvents, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        ArgumentNullException.ThrowIfNull(auditEvents);
        return WriteAsync(async (c, tx) =>
        {
            var moved = await TransitionAsync(c, tx, deliveryIds.ToArray(), owner, DeliveryStates.Parked, "attempts = attempts + 1, last_status = @lastStatus, outcome = @outcome",
                cancellationToken, ("@lastStatus", lastStatus), ("@outcome", operationOutcome));
            foreach (var (id, audit) in auditEvents.Where(a => moved.ContainsKey(a.DeliveryId))) await InsertAuditEventAsync(c, tx, id, audit.Id, audit.Json, cancellationToken);
            return await AppendMovedAsync(c, tx, moved, ledger, cancellationToken);
        }, cancellationToken);
    }

    public Task<int> HoldDeliveriesAsync(IReadOnlyList<long> deliveryIds, string owner, string reason, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken) =>
        TransitionAllAsync(deliveryIds, owner, DeliveryStates.Held, "hold_reason = @reason", ledger, cancellationToken, ("@reason", reason));

    public Task ReleaseDeliveriesAsync(IReadOnlyList<long> deliveryIds, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        return WriteAsync((c, tx) => ExecuteAsync(c, tx, """
            UPDATE deliveries SET status = @pending, lease_owner = NULL, lease_until = NULL, updated_at = @now
            WHERE id = ANY(@ids) AND status = @leased AND lease_owner = @owner
            """, cancellationToken, ("@pending", DeliveryStates.Pending), ("@now", NowMs), ("@ids", deliveryIds.ToArray()),
            ("@leased", DeliveryStates.Leased), ("@owner", owner)), cancellationToken);
    }

    public async Task<IReadOnlyList<string>> HeldPatientsAsync(string partnerId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var cmd = Command(c, null, "SELECT DISTINCT patient_id FROM deliveries WHERE partner_id = @partner AND status = @held",
            ("@partner", partnerId), ("@held", DeliveryStates.Held));
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
                UPDATE deliveries SET status = @pending, hold_reason = NULL, next_attempt_at = @now, updated_at = @now
                WHERE partner_id = @partner AND patient_id = @patient AND status = @held
                RETURNING record_key
                """, ("@pending", DeliveryStates.Pending), ("@now", NowMs), ("@partner", partnerId), ("@patient", patientId), ("@held", DeliveryStates.Held)))
            await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
                while (await r.ReadAsync(cancellationToken)) keys.Add(r.GetString(0));
            keys.Sort(StringComparer.Ordinal);
            await AppendLedgerAsync(c, tx, keys.Select(k => new LedgerDraft(LedgerSteps.Released, k, patientId) { PartnerId = partnerId, Detail = detail }).ToList(), cancellationToken);
            return keys;
        }, cancellationToken);

    private Task<int> TransitionAllAsync(IReadOnlyList<long> deliveryIds, string owner, string status, string assignments, IReadOnlyList<LedgerDraft> ledger,
        CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        return WriteAsync(async (c, tx) =>
        {
            var moved = await TransitionAsync(c, tx, deliveryIds.ToArray(), owner, status, assignments, cancellationToken, parameters);
            return await AppendMovedAsync(c, tx, moved, ledger, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Appends the ledger entries of the records that moved (none for a delivery whose lease another worker holds now); the number of deliveries moved.</summary>
    private async Task<int> AppendMovedAsync(NpgsqlConnection c, NpgsqlTransaction tx, Dictionary<long, string> moved, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken)
    {
        var keys = moved.Values.ToHashSet(StringComparer.Ordinal);
        await AppendLedgerAsync(c, tx, ledger.Where(d => keys.Contains(d.RecordKey)).ToList(), cancellationToken);
        return moved.Count;
    }

    /// <summary>
    /// Moves the deliveries leased by <paramref name="owner"/> to <paramref name="status"/>, clearing their lease, with
    /// extra assignments; the ids that moved and their record keys.
    /// </summary>
    private async Task<Dictionary<long, string>> TransitionAsync(NpgsqlConnection c, NpgsqlTransaction tx, long[] ids, string owner, string status, string assignments,
        CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        var moved = new Dictionary<long, string>();
        await using var cmd = Command(c, tx, $"""
            UPDATE deliveries SET status = @status, lease_owner = NULL, lease_until = NULL, updated_at = @now, {assignments}
            WHERE id = ANY(@ids) AND status = @leased AND lease_owner = @owner
            RETURNING id, record_key
            """, [("@status", status), ("@now", NowMs), ("@ids", ids), ("@leased", DeliveryStates.Leased), ("@owner", owner), .. parameters]);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) moved[r.GetInt64(0)] = r.GetString(1);
        return moved;
    }

    private async Task InsertAuditEventAsync(NpgsqlConnection c, NpgsqlTransaction tx, long deliveryId, string id, ReadOnlyMemory<byte> json, CancellationToken cancellationToken) =>
        await ExecuteAsync(c, tx, """
            INSERT INTO audit_events(id, delivery_id, record_key, partner_id, created_at, json)
            SELECT @id, d.id, d.record_key, d.partner_id, @now, @json FROM deliveries d WHERE d.id = @delivery
            ON CONFLICT DO NOTHING
            """, cancellationToken, ("@id", id), ("@now", NowMs), ("@json", json.ToArray()), ("@delivery", deliveryId));
}
