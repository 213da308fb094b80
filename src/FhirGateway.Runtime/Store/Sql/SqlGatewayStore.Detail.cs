using System.Data.Common;

namespace FhirGateway.Runtime.Store.Sql;

/// <summary>One record for operators, and the partner queues.</summary>
public abstract partial class SqlGatewayStore
{
    public async Task<RecordDetail?> GetRecordAsync(string record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        string receipt, key, patient;
        bool pruned;
        await using (var c = await OpenReadAsync(cancellationToken))
        {
            await using var cmd = SqlCommands.Command(c, null, """
                SELECT receipt_id, record_key, patient_id, length(payload) FROM records
                WHERE record_key = @record OR record_id = @record OR receipt_id = @record ORDER BY version DESC LIMIT 1
                """, ("@record", record));
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            if (!await r.ReadAsync(cancellationToken)) return null;
            (receipt, key, patient, pruned) = (r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3) == 0);
        }
        var status = await GetRecordStatusAsync(receipt, cancellationToken);
        if (status is null) return null;
        var resources = new List<StoredResource>();
        await using (var c = await OpenReadAsync(cancellationToken))
        {
            await using var cmd = SqlCommands.Command(c, null, "SELECT resource_type, resource_id, profile, json FROM resources WHERE record_key = @key ORDER BY ordinal", ("@key", key));
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken)) resources.Add(new StoredResource(r.GetString(0), r.GetString(1), r.GetString(2), (byte[])r["json"]));
        }
        var audit = await ListAuditEventsAsync(key, cancellationToken);
        var ledger = await TraceAsync(key, null, cancellationToken);
        return new RecordDetail(status, patient, ListedStates.Of(status.State, status.Deliveries.Select(d => d.Status)), resources, audit, ledger, pruned);
    }

    public async Task<IReadOnlyList<PartnerQueue>> PartnerQueuesAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var c = await OpenReadAsync(cancellationToken);
        await using (var cmd = SqlCommands.Command(c, null, "SELECT partner_id, status, count(*) FROM deliveries GROUP BY partner_id, status"))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
            while (await r.ReadAsync(cancellationToken))
            {
                if (!counts.TryGetValue(r.GetString(0), out var byStatus)) counts[r.GetString(0)] = byStatus = new(StringComparer.Ordinal);
                byStatus[r.GetString(1)] = SqlCommands.Int(r, 2);
            }
        foreach (var partner in counts.Keys)
        {
            await using var cmd = SqlCommands.Command(c, null, $"""
                SELECT max(updated_at) FROM (SELECT updated_at FROM deliveries WHERE partner_id = @p AND status = '{DeliveryStates.Delivered}' ORDER BY record_seq DESC LIMIT 100) recent
                """, ("@p", partner));
            if (await cmd.ExecuteScalarAsync(cancellationToken) is long at) last[partner] = at;
        }
        return counts.Select(kv => new PartnerQueue(kv.Key, kv.Value, last.TryGetValue(kv.Key, out var at) ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null)).ToList();
    }
}
