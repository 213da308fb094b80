using FhirGateway.Runtime.Ledger;

namespace FhirGateway.Runtime.Store.PostgreSql;

/// <summary>Retention: pruning the payloads of delivered records while the ledger keeps their hashes.</summary>
public sealed partial class PostgreSqlGatewayStore
{
    private const int PruneBatch = 500;

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
}
