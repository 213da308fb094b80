using FhirGateway.Runtime.Operations;
using System.Data.Common;

namespace FhirGateway.Runtime.Store.Sql;

/// <summary>
/// Record listings for operators (console, <c>GET /records</c>, <c>fhirgw records list</c>): newest first, keyset-paged
/// on <c>seq</c> (never OFFSET), each filter answered from an index (<c>records_state</c>, <c>records_patient</c>,
/// <c>records_kind</c>, <c>deliveries_status</c>, <c>deliveries_queue</c>, <c>records_received</c>), so a page costs the same at any depth.
/// </summary>
public abstract partial class SqlGatewayStore
{

    public async Task<RecordPage> ListRecordsAsync(RecordQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, MaxPageSize);
        var parameters = new List<(string, object?)>
        {
            ("@before", query.Before ?? long.MaxValue), ("@limit", limit + 1),
        };
        if (query.PartnerId is not null) parameters.Add(("@partner", query.PartnerId));
        var where = new List<string> { "r.seq < @before" };
        if (query.PatientId is not null)
        {
            where.Add("r.patient_id = @patient");
            parameters.Add(("@patient", query.PatientId));
        }
        if (query.Kind is not null)
        {
            where.Add("r.kind = @kind");
            parameters.Add(("@kind", query.Kind));
        }
        // received_at is stamped in the intake transaction that gives seq, so it follows seq: a time bound becomes a seq
        // bound found by the received_at index, and the walk never visits records outside it.
        if (query.Since is { } since)
        {
            where.Add("r.seq >= coalesce((SELECT seq FROM records WHERE received_at >= @since ORDER BY received_at LIMIT 1), 9223372036854775807)");
            where.Add("r.received_at >= @since");
            parameters.Add(("@since", since.ToUnixTimeMilliseconds()));
        }
        if (query.Until is { } until)
        {
            where.Add("r.seq <= coalesce((SELECT seq FROM records WHERE received_at < @until ORDER BY received_at DESC LIMIT 1), 0)");
            where.Add("r.received_at < @until");
            parameters.Add(("@until", until.ToUnixTimeMilliseconds()));
        }
        where.Add(StateFilter(query.State, query.PartnerId is not null));
        var sql = $"""
            SELECT r.seq, r.record_key, r.kind, r.state, r.received_at, r.parked_step, r.outcome FROM records r
            WHERE {string.Join(" AND ", where.Where(w => w.Length > 0))}
            ORDER BY r.seq DESC LIMIT @limit
            """;
        await using var c = await OpenReadAsync(cancellationToken);
        var rows = new List<(long Seq, string Key, string Kind, string State, long ReceivedAt, string? Step, string? Outcome)>();
        await using (var cmd = SqlCommands.Command(c, null, sql, [.. parameters]))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
            while (await r.ReadAsync(cancellationToken))
                rows.Add((r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)));
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        var partners = await PartnerStatesAsync(c, rows.Select(x => x.Key).ToList(), cancellationToken);
        var list = rows.Select(x =>
        {
            var states = partners.GetValueOrDefault(x.Key) ?? [];
            var reason = x.State == RecordStates.Parked
                ? $"{x.Step}: {OutcomeText.First(x.Outcome) ?? "refused"}"
                : states.Where(p => p.Reason is not null).OrderBy(p => Pressing(p.Status)).Select(p => $"{p.PartnerId}: {p.Reason}").FirstOrDefault();
            return new RecordSummary(x.Seq, x.Key, x.Kind, ListedStates.Of(x.State, states.Select(p => p.Status)),
                DateTimeOffset.FromUnixTimeMilliseconds(x.ReceivedAt), states, reason);
        }).ToList();
        return new RecordPage(list, more ? rows[^1].Seq : null);
    }

    /// <summary>
    /// The SQL condition for a listed state; with a partner, the deliveries looked at are that partner's. Each shape lets
    /// SQLite answer from an index: sparse states (parked, held, in flight) as the list of their deliveries' record
    /// sequences (<c>deliveries_status</c>, or <c>deliveries_queue</c> for a partner); per-record checks by record key
    /// (the unique record_key index, kept by <see cref="NoIndex"/> on <c>d.status</c>, which stops SQLite's planner from scanning the status index per record).
    /// </summary>
    private string StateFilter(string? state, bool partner)
    {
        var ofPartner = partner ? " AND partner_id = @partner" : "";
        var dOfPartner = partner ? " AND d.partner_id = @partner" : "";
        string Listed(string statuses) => $"r.seq IN (SELECT record_seq FROM deliveries WHERE status IN ({statuses}){ofPartner})";
        return state switch
        {
            null => partner ? "EXISTS(SELECT 1 FROM deliveries d WHERE d.record_key = r.record_key AND d.partner_id = @partner)" : "",
            ListedStates.Waiting => $"r.state = '{RecordStates.Waiting}'",
            ListedStates.Parked => partner
                ? Listed($"'{DeliveryStates.Parked}'")
                : $"(r.state = '{RecordStates.Parked}' OR {Listed($"'{DeliveryStates.Parked}'")})",
            ListedStates.Held => Listed($"'{DeliveryStates.Held}'"),
            ListedStates.Routed => $"r.state = '{RecordStates.Routed}' AND {Listed($"'{DeliveryStates.Pending}', '{DeliveryStates.Leased}'")}",
            ListedStates.Delivered => $"""
                r.state = '{RecordStates.Routed}'{(partner ? $" AND EXISTS(SELECT 1 FROM deliveries d WHERE d.record_key = r.record_key AND {NoIndex}d.status = '{DeliveryStates.Delivered}'{dOfPartner})" : "")}
                AND NOT EXISTS(SELECT 1 FROM deliveries d WHERE d.record_key = r.record_key AND {NoIndex}d.status <> '{DeliveryStates.Delivered}'{dOfPartner})
                """,
            _ => throw new ArgumentException($"'{state}' is not a record state ({string.Join(", ", ListedStates.All)}).", nameof(state)),
        };
    }

    private static int Pressing(string status) => status switch
    {
        DeliveryStates.Parked => 0,
        DeliveryStates.Held => 1,
        _ => 2,
    };

    private static async Task<Dictionary<string, List<PartnerState>>> PartnerStatesAsync(DbConnection c, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<PartnerState>>(StringComparer.Ordinal);
        if (keys.Count == 0) return result;
        var names = keys.Select((_, i) => "@k" + i).ToList();
        await using var cmd = SqlCommands.Command(c, null, $"""
            SELECT record_key, partner_id, status, attempts, hold_reason, last_error, last_status, outcome FROM deliveries
            WHERE record_key IN ({string.Join(", ", names)}) ORDER BY partner_id
            """, [.. keys.Select((k, i) => (names[i], (object?)k))]);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var status = r.GetString(2);
            string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            var reason = status switch
            {
                DeliveryStates.Held => Text(4),
                DeliveryStates.Parked => OutcomeText.First(Text(7)) ?? Text(6),
                DeliveryStates.Pending or DeliveryStates.Leased when r.GetInt32(3) > 0 => Text(5) ?? Text(6),
                _ => null,
            };
            var key = r.GetString(0);
            if (!result.TryGetValue(key, out var list)) result[key] = list = [];
            list.Add(new PartnerState(r.GetString(1), status, reason));
        }
        return result;
    }
}
