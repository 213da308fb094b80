using System.Globalization;
using FhirGateway.Mapping.Records;
using FhirGateway.Runtime.Ledger;
using Microsoft.Data.Sqlite;

namespace FhirGateway.Runtime.Store.Sqlite;

public sealed partial class SqliteGatewayStore
{
    public async Task<ClaimedRecord?> ClaimRecordAsync(string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        (await ClaimRecordsAsync(owner, 1, lease, cancellationToken)).FirstOrDefault();

    public async Task<bool> ParkRecordAsync(RecordParking parking, string owner, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken) =>
        (await CompleteRecordsAsync([RecordOutcome.Parked(parking, ledger)], owner, cancellationToken))[0];

    public async Task<bool> RouteRecordAsync(RecordRouting routing, string owner, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken) =>
        (await CompleteRecordsAsync([RecordOutcome.Routed(routing, ledger)], owner, cancellationToken))[0];

    public Task<IReadOnlyList<ClaimedRecord>> ClaimRecordsAsync(string owner, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return WriteAsync<IReadOnlyList<ClaimedRecord>>(async (c, tx) =>
        {
            var now = NowMs;
            var claimed = new List<ClaimedRecord>(max);
            // the states are literals so that the partial index records_waiting serves the NOT EXISTS
            await using (var find = Command(c, tx, $"""
                SELECT seq, record_id, version, kind, patient_id, recorded_at, payload, payload_hash FROM records r
                WHERE state = '{RecordStates.Waiting}' AND (lease_until IS NULL OR lease_until < $now)
                  AND NOT EXISTS (SELECT 1 FROM records e WHERE e.patient_id = r.patient_id AND e.seq < r.seq AND e.state = '{RecordStates.Waiting}')
                ORDER BY seq LIMIT $max
                """, ("$now", now), ("$max", max)))
            await using (var r = await find.ExecuteReaderAsync(cancellationToken))
                while (await r.ReadAsync(cancellationToken))
                    claimed.Add(new ClaimedRecord(r.GetInt64(0), ReadEnvelope(r, 1), (byte[])r["payload"], r.GetString(7)));
            foreach (var record in claimed)
                await ExecuteAsync(c, tx, "UPDATE records SET lease_owner = $owner, lease_until = $until WHERE seq = $seq", cancellationToken,
                    ("$owner", owner), ("$until", now + (long)lease.TotalMilliseconds), ("$seq", record.Seq));
            return claimed;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<bool>> CompleteRecordsAsync(IReadOnlyList<RecordOutcome> outcomes, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return WriteAsync<IReadOnlyList<bool>>(async (c, tx) =>
        {
            var stored = new bool[outcomes.Count];
            for (var i = 0; i < outcomes.Count; i++)
            {
                var outcome = outcomes[i];
                stored[i] = outcome.Routing is { } routing
                    ? await RouteAsync(c, tx, routing, owner, cancellationToken)
                    : await ParkAsync(c, tx, outcome.Parking!, owner, cancellationToken);
                if (stored[i]) await AppendLedgerAsync(c, tx, outcome.Ledger, cancellationToken);
            }
            return stored;
        }, cancellationToken);
    }

    private async Task<bool> ParkAsync(SqliteConnection c, SqliteTransaction tx, RecordParking parking, string owner, CancellationToken cancellationToken) =>
        await ExecuteAsync(c, tx, """
            UPDATE records SET state = $parked, parked_step = $step, outcome = $outcome, lease_owner = NULL, lease_until = NULL, updated_at = $now
            WHERE record_key = $key AND state = $waiting AND lease_owner = $owner
            """, cancellationToken,
            ("$parked", RecordStates.Parked), ("$step", parking.Step), ("$outcome", parking.OperationOutcome), ("$now", NowMs),
            ("$key", parking.RecordKey), ("$waiting", RecordStates.Waiting), ("$owner", owner)) > 0;

    private async Task<bool> RouteAsync(SqliteConnection c, SqliteTransaction tx, RecordRouting routing, string owner, CancellationToken cancellationToken)
    {
        var envelope = routing.Record.Envelope;
        long seq;
        await using (var own = Command(c, tx, "SELECT seq FROM records WHERE record_key = $key AND state = $waiting AND lease_owner = $owner",
            ("$key", envelope.Key), ("$waiting", RecordStates.Waiting), ("$owner", owner)))
        {
            var found = await own.ExecuteScalarAsync(cancellationToken);
            if (found is null) return false;
            seq = (long)found;
        }
        var now = NowMs;
        await ExecuteAsync(c, tx, "DELETE FROM resources WHERE record_key = $key", cancellationToken, ("$key", envelope.Key));
        for (var i = 0; i < routing.Record.Resources.Count; i++)
        {
            var res = routing.Record.Resources[i];
            await ExecuteAsync(c, tx, """
                INSERT INTO resources(record_key, ordinal, resource_type, resource_id, profile, identifier_system, identifier_value, json)
                VALUES($key, $ordinal, $type, $id, $profile, $system, $value, $json)
                """, cancellationToken,
                ("$key", envelope.Key), ("$ordinal", i), ("$type", res.ResourceType), ("$id", res.Id), ("$profile", res.Profile),
                ("$system", res.Identifier.System), ("$value", res.Identifier.Value), ("$json", res.Json.ToArray()));
        }
        if (routing.Record.Consent is { } consent) await UpsertConsentAsync(c, tx, envelope, consent, cancellationToken);
        foreach (var planned in routing.Deliveries)
            await ExecuteAsync(c, tx, """
                INSERT INTO deliveries(record_key, record_seq, patient_id, partner_id, status, attempts, next_attempt_at, hold_reason, created_at, updated_at)
                VALUES($key, $seq, $patient, $partner, $status, 0, $now, $reason, $now, $now)
                ON CONFLICT(record_key, partner_id) DO UPDATE SET
                  status = excluded.status, attempts = 0, next_attempt_at = excluded.next_attempt_at, hold_reason = excluded.hold_reason,
                  lease_owner = NULL, lease_until = NULL, solo = 0, last_status = NULL, last_error = NULL, outcome = NULL, updated_at = excluded.updated_at
                WHERE deliveries.status <> 'delivered'
                """, cancellationToken,
                ("$key", envelope.Key), ("$seq", seq), ("$patient", envelope.PatientId), ("$partner", planned.PartnerId),
                ("$status", planned.HoldReason is null ? DeliveryStates.Pending : DeliveryStates.Held), ("$now", now), ("$reason", planned.HoldReason));
        await ExecuteAsync(c, tx, """
            UPDATE records SET state = $routed, lease_owner = NULL, lease_until = NULL, parked_step = NULL, outcome = NULL,
                               mapper_version = $mapper, updated_at = $now WHERE seq = $seq
            """, cancellationToken, ("$routed", RecordStates.Routed), ("$mapper", routing.MapperVersion), ("$now", now), ("$seq", seq));
        return true;
    }

    /// <summary>Keeps per patient and organisation the consent of the latest record (by recordedAt).</summary>
    private static Task UpsertConsentAsync(SqliteConnection c, SqliteTransaction tx, RecordEnvelope envelope, Mapping.ConsentDirective consent, CancellationToken cancellationToken) =>
        ExecuteAsync(c, tx, """
            INSERT INTO consents(patient_id, org_system, org_value, active, start_at, end_at, record_key, recorded_at)
            VALUES($patient, $system, $value, $active, $start, $end, $key, $recordedAt)
            ON CONFLICT(patient_id, org_system, org_value) DO UPDATE SET
              active = excluded.active, start_at = excluded.start_at, end_at = excluded.end_at,
              record_key = excluded.record_key, recorded_at = excluded.recorded_at
            WHERE excluded.recorded_at >= consents.recorded_at
            """, cancellationToken,
            ("$patient", envelope.PatientId), ("$system", consent.PartnerOrganization.System), ("$value", consent.PartnerOrganization.Value),
            ("$active", consent.Active ? 1 : 0), ("$start", consent.Start?.ToUnixTimeMilliseconds()), ("$end", consent.End?.ToUnixTimeMilliseconds()),
            ("$key", envelope.Key), ("$recordedAt", envelope.RecordedAt.ToUnixTimeMilliseconds()));

    public Task ReleaseRecordAsync(string recordKey, string owner, CancellationToken cancellationToken) =>
        WriteAsync((c, tx) => ExecuteAsync(c, tx,
            "UPDATE records SET lease_owner = NULL, lease_until = NULL WHERE record_key = $key AND lease_owner = $owner",
            cancellationToken, ("$key", recordKey), ("$owner", owner)), cancellationToken);

    public Task<IReadOnlyList<string>> ReplayAsync(string? record, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<string>>(async (c, tx) =>
        {
            var found = new List<(string Key, string Patient)>();
            await using (var find = Command(c, tx, """
                SELECT record_key, patient_id FROM records
                WHERE (state = $parked OR EXISTS(SELECT 1 FROM deliveries d WHERE d.record_key = records.record_key AND d.status = $parkedDelivery))
                  AND ($record IS NULL OR record_key = $record OR record_id = $record)
                ORDER BY seq
                """, ("$parked", RecordStates.Parked), ("$parkedDelivery", DeliveryStates.Parked), ("$record", record)))
            await using (var r = await find.ExecuteReaderAsync(cancellationToken))
                while (await r.ReadAsync(cancellationToken)) found.Add((r.GetString(0), r.GetString(1)));
            foreach (var (key, _) in found)
                await ExecuteAsync(c, tx, """
                    UPDATE records SET state = $waiting, lease_owner = NULL, lease_until = NULL, updated_at = $now WHERE record_key = $key
                    """, cancellationToken, ("$waiting", RecordStates.Waiting), ("$now", NowMs), ("$key", key));
            await AppendLedgerAsync(c, tx, found.Select(f => new LedgerDraft(LedgerSteps.Replayed, f.Key, f.Patient)).ToList(), cancellationToken);
            return found.Select(f => f.Key).ToList();
        }, cancellationToken);

    public async Task<IReadOnlyList<ConsentRecord>> GetConsentsAsync(string patientId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var cmd = Command(c, null, """
            SELECT org_system, org_value, active, start_at, end_at, record_key, recorded_at FROM consents WHERE patient_id = $patient
            """, ("$patient", patientId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<ConsentRecord>();
        while (await r.ReadAsync(cancellationToken))
            list.Add(new ConsentRecord(patientId,
                new Mapping.ConsentDirective(new Mapping.BusinessIdentifier(r.GetString(0), r.GetString(1)), r.GetInt64(2) == 1,
                    r.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)),
                    r.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4))),
                r.GetString(5), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6))));
        return list;
    }

    /// <summary>Reads record_id, version, kind, patient_id, recorded_at from consecutive columns starting at <paramref name="first"/>.</summary>
    private static RecordEnvelope ReadEnvelope(SqliteDataReader r, int first) =>
        new(r.GetString(first), r.GetInt32(first + 1), r.GetString(first + 2), r.GetString(first + 3),
            DateTimeOffset.Parse(r.GetString(first + 4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
