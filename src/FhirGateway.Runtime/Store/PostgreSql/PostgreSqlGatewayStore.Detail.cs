using FhirGateway.Runtime.Ledger;

namespace FhirGateway.Runtime.Store.PostgreSql;

/// <summary>One record for operators, and retention: pruning the payloads of delivered records while the ledger keeps their hashes.</summary>
public sealed partial class PostgreSqlGatewayStore
{
    private const int PruneBatch = 500;

    public async Task<RecordDetail?> GetRecordAsync(string record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        string receipt, key, patient;
        bool pruned;
        await using (var c = await OpenAsync(cancellationToken))
        {
            await using var cmd = Command(c, null, """
                SELECT receipt_id, record_key, patient_id, octet_length(payload) FROM records
                WHERE record_key = @record OR record_id = @record OR receipt_id = @record ORDER BY version DESC LIMIT 1
                """, ("@record", record));
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            if (!await r.ReadAsync(cancellationToken)) return null;
            (receipt, key, patient, pruned) = (r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3) == 0);
        }
        var status = await GetRecordStatusAsync(receipt, cancellationToken);
        if (status is null) return null;
        var resources = new List<StoredResource>();
        await using (var c = await OpenAsync(cancellationToken))
        {
            await using var cmd = Command(c, null, "SELECT resource_type, resource_id, profile, json FROM resources WHERE record_key = @key ORDER BY ordinal", ("@key", key));
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken)) resources.Add(new StoredResource(r.GetString(0), r.GetString(1), r.GetString(2), (byte[])r["json"]));
        }
        var audit = await ListAuditEventsAsync(key, cancellationToken);
        var ledger = await TraceAsync(key, null, cancellationToken);
        return new RecordDetail(status, patient, ListedStates.Of(status.State, status.Deliveries.Select(d => d.Status)), resources, audit, ledger, pruned);
    }

    public async Task<int> PruneDeliveredAsync(DateTimeOffset deliveredBefore, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var pruned = await WriteAsync(async (c, tx) =>
            {
                var found = new List<(string Key, string Patient, string Hash)>();
                await using (var find = Command(c, tx, $"""
                    SELECT r.record_key, r.patient_id, r.payload_hash FROM records r
                    WHERE r.state = '{RecordStates.Routed}' AND octet_length(r.payload) > 0
                      AND EXISTS(SELECT 1 FROM deliveries d WHERE d.record_key = r.record_key)
                      AND NOT EXISTS(SELECT 1 FROM deliveries d WHERE d.record_key = r.record_key AND (d.status <> '{DeliveryStates.Delivered}' OR d.updated_at >= @before))
                    ORDER BY r.seq LIMIT @limit
                    FOR UPDATE OF r SKIP LOCKED
                    """, ("@before", deliveredBefore.ToUnixTimeMilliseconds()), ("@limit", PruneBatch)))
                await using (var r = await find.ExecuteReaderAsync(cancellationToken))
                    while (await r.ReadAsync(cancellationToken)) found.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
                var drafts = new List<LedgerDraft>();
                foreach (var (key, patient, hash) in found)
                {
                    await ExecuteAsync(c, tx, "UPDATE records SET payload = ''::bytea, updated_at = @now WHERE record_key = @key", cancellationToken, ("@now", NowMs), ("@key", key));
                    var resources = await ExecuteAsync(c, tx, "UPDATE resources SET json = ''::bytea WHERE record_key = @key", cancellationToken, ("@key", key));
                    drafts.Add(new LedgerDraft(LedgerSteps.Pruned, key, patient)
                    {
                        PayloadHash = hash,
                        Detail = $"payload and {resources} resources removed (delivered before {LedgerTime.Format(deliveredBefore)})",
                    });
                }
                await AppendLedgerAsync(c, tx, drafts, cancellationToken);
                return found.Count;
            }, cancellationToken);
            total += pruned;
            if (pruned < PruneBatch) return total;
        }
    }

    public Task AppendLedgerAsync(IReadOnlyList<LedgerDraft> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return WriteAsync((c, tx) => AppendLedgerAsync(c, tx, entries, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<PartnerQueue>> PartnerQueuesAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var c = await OpenAsync(cancellationToken);
        await using (var cmd = Command(c, null, "SELECT partner_id, status, count(*) FROM deliveries GROUP BY partner_id, status"))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
            while (await r.ReadAsync(cancellationToken))
            {
                if (!counts.TryGetValue(r.GetString(0), out var byStatus)) counts[r.GetString(0)] = byStatus = new(StringComparer.Ordinal);
                byStatus[r.GetString(1)] = (int)r.GetInt64(2);
            }
        foreach (var partner in counts.Keys)
        {
            await using var cmd = Command(c, null, $"""
                SELECT max(updated_at) FROM (SELECT updated_at FROM deliveries WHERE partner_id = @p AND status = '{DeliveryStates.Delivered}' ORDER BY record_seq DESC LIMIT 100) recent
                """, ("@p", partner));
            if (await cmd.ExecuteScalarAsync(cancellationToken) is long at) last[partner] = at;
        }
        return counts.Select(kv => new PartnerQueue(kv.Key, kv.Value, last.TryGetValue(kv.Key, out var at) ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null)).ToList();
    }
}
