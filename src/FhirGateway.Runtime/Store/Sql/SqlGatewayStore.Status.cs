using System.Data.Common;

namespace FhirGateway.Runtime.Store.Sql;

public abstract partial class SqlGatewayStore
{
    public async Task<RecordStatus?> GetRecordStatusAsync(string receiptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiptId);
        await using var c = await OpenReadAsync(cancellationToken);
        string key, kind, state;
        long receivedAt;
        string? parkedStep, outcome;
        await using (var cmd = SqlCommands.Command(c, null, "SELECT record_key, kind, state, received_at, parked_step, outcome FROM records WHERE receipt_id = @receipt",
                         ("@receipt", receiptId)))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            if (!await r.ReadAsync(cancellationToken)) return null;
            (key, kind, state, receivedAt) = (r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3));
            parkedStep = r.IsDBNull(4) ? null : r.GetString(4);
            outcome = r.IsDBNull(5) ? null : r.GetString(5);
        }
        var deliveries = new List<DeliveryStatus>();
        await using (var cmd = SqlCommands.Command(c, null, """
                         SELECT partner_id, status, attempts, next_attempt_at, hold_reason, last_status, outcome, last_error
                         FROM deliveries WHERE record_key = @key ORDER BY partner_id
                         """, ("@key", key)))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
            {
                var status = r.GetString(1);
                var waiting = status is DeliveryStates.Pending or DeliveryStates.Leased;
                deliveries.Add(new DeliveryStatus(r.GetString(0), status, r.GetInt32(2),
                    waiting ? DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)) : null,
                    status == DeliveryStates.Held && !r.IsDBNull(4) ? r.GetString(4) : null, r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
                    status == DeliveryStates.Delivered || r.IsDBNull(7) ? null : r.GetString(7)));
            }
        }
        return new RecordStatus(receiptId, key, kind, state, DateTimeOffset.FromUnixTimeMilliseconds(receivedAt), parkedStep, outcome, deliveries);
    }
}
