using System.Globalization;
using FhirGateway.Mapping.Records;
using FhirGateway.Runtime.Ledger;
using Npgsql;

namespace FhirGateway.Runtime.Store.PostgreSql;

public sealed partial class PostgreSqlGatewayStore
{
    public async Task<ClaimedRecord?> ClaimRecordAsync(string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        (await ClaimRecordsAsync(owner, 1, lease, cancellationToken)).FirstOrDefault();

    public Task<bool> ParkRecordAsync(RecordParking parking, string owner, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parking);
        return CompleteAsync((c, tx) => ParkAsync(c, tx, parking, owner, cancellationToken), ledger, cancellationToken);
    }

    public Task<bool> RouteRecordAsync(RecordRouting routing, string owner, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routing);
        return CompleteAsync((c, tx) => RouteAsync(c, tx, routing, owner, cancellationToken), ledger, cancellationToken);
    }

    /// <summary>One outcome in one transaction; its ledger entries, when it was stored, appended last (the ledger lock taken after every row it changes).</summary>
    private Task<bool> CompleteAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task<bool>> store, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken) =>
        WriteAsync(async (c, tx) =>
        {
            if (!await store(c, tx)) return false;
            await AppendLedgerAsync(c, tx, ledger, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Locks the oldest claimable records with <c>FOR UPDATE SKIP LOCKED</c>: two instances never lease one record, and
    /// a record another instance is leasing right now is passed over. A patient's later record stays unclaimed while an
    /// earlier one is waiting (locked or not: the check reads rows, it takes no lock), so a batch holds at most one
    /// record per patient and one record per patient is in the pipeline at a time, across instances. A row changed by
    /// another instance's commit after this statement began is checked again under the lock (its lease may have been
    /// taken meanwhile).
    /// </summary>
    public Task<IReadOnlyList<ClaimedRecord>> ClaimRecordsAsync(string owner, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return WriteAsync<IReadOnlyList<ClaimedRecord>>(async (c, tx) =>
        {
            var now = NowMs;
            var claimed = new List<ClaimedRecord>(max);
            await using (var find = Command(c, tx, """
                SELECT seq, record_id, version, kind, patient_id, recorded_at, payload, payload_hash FROM records r
                WHERE state = @waiting AND (lease_until IS NULL OR lease_until < @now)
                  AND NOT EXISTS (SELECT 1 FROM records e WHERE e.patient_id = r.patient_id AND e.seq < r.seq AND e.state = @waiting)
                ORDER BY seq LIMIT @max
                FOR UPDATE SKIP LOCKED
                """, ("@waiting", RecordStates.Waiting), ("@now", now), ("@max", max)))
            await using (var r = await find.ExecuteReaderAsync(cancellationToken))
                while (await r.ReadAsync(cancellationToken))
                    claimed.Add(new ClaimedRecord(r.GetInt64(0), ReadEnvelope(r, 1), (byte[])r["payload"], r.GetString(7)));
            if (claimed.Count == 0) return claimed;
            await ExecuteAsync(c, tx, "UPDATE records SET lease_owner = @owner, lease_until = @until WHERE seq = ANY(@seqs)", cancellationToken,
                ("@owner", owner), ("@until", now + (long)lease.TotalMilliseconds), ("@seqs", claimed.Select(x => x.Seq).ToArray()));
            return claimed;
        }, cancellationToken);
    }

    /// <summary>
    /// Stores the outcomes in order in one transaction; the ledger entries of those stored are appended last, in that
    /// order, so the ledger lock is taken after every row this transaction changes (never held while waiting for a row).
    /// </summary>
    public Task<IReadOnlyList<bool>> CompleteRecordsAsync(IReadOnlyList<RecordOutcome> outcomes, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return WriteAsync<IReadOnlyList<bool>>(async (c, tx) =>
        {
            var stored = new bool[outcomes.Count];
            var ledger = new List<LedgerDraft>();
            for (var i = 0; i < outcomes.Count; i++)
            {
                var outcome = outcomes[i];
                stored[i] = outcome.Routing is { } routing
                    ? await RouteAsync(c, tx, routing, owner, cancellationToken)
                    : await ParkAsync(c, tx, outcome.Parking!, owner, cancellationToken);
                if (stored[i]) ledger.AddRange(outcome.Ledger);
            }
            await AppendLedgerAsync(c, tx, ledger, cancellationToken);
            return stored;
        }, cancellationToken);
    }

    private async Task<bool> ParkAsync(NpgsqlConnection c, NpgsqlTransaction tx, RecordParking parking, string owner, CancellationToken cancellationToken) =>
        await ExecuteAsync(c, tx, """
            UPDATE records SET state = @parked, parked_step = @step, outcome = @outcome, lease_owner = NULL, lease_until = NULL, updated_at = @now
            WHERE record_key = @key AND state = @waiting AND lease_owner = @owner
            """, cancellationToken,
            ("@parked", RecordStates.Parked), ("@step", parking.Step), ("@outcome", parking.OperationOutcome), ("@now", NowMs),
            ("@key", parking.RecordKey), ("@waiting", RecordStates.Waiting), ("@owner", owner)) > 0;

    /// <summary>The lease is checked with the record row locked (<c>FOR UPDATE</c>): an instance that took the lease over meanwhile makes this one return false.</summary>
    private async Task<bool> RouteAsync(NpgsqlConnection c, NpgsqlTransaction tx, RecordRouting routing, string owner, CancellationToken cancellationToken)
    {
        var envelope = routing.Record.Envelope;
        long seq;
        await using (var own = Command(c, tx, "SELECT seq FROM records WHERE record_key = @key AND state = @waiting AND lease_owner = @owner FOR UPDATE",
            ("@key", envelope.Key), ("@waiting", RecordStates.Waiting), ("@owner", owner)))
        {
            var found = await own.ExecuteScalarAsync(cancellationToken);
            if (found is null) return false;
            seq = (long)found;
        }
        var now = NowMs;
        var batch = new NpgsqlBatch(c, tx);
        await using (batch)
        {
            Add(batch, "DELETE FROM resources WHERE record_key = @key", ("@key", envelope.Key));
            for (var i = 0; i < routing.Record.Resources.Count; i++)
            {
                var res = routing.Record.Resources[i];
                Add(batch, """
                    INSERT INTO resources(record_key, ordinal, resource_type, resource_id, profile, identifier_system, identifier_value, json)
                    VALUES(@key, @ordinal, @type, @id, @profile, @system, @value, @json)
                    """, ("@key", envelope.Key), ("@ordinal", i), ("@type", res.ResourceType), ("@id", res.Id), ("@profile", res.Profile),
                    ("@system", res.Identifier.System), ("@value", res.Identifier.Value), ("@json", res.Json.ToArray()));
            }
            if (routing.Record.Consent is { } consent) AddConsent(batch, envelope, consent);
            foreach (var planned in routing.Deliveries)
                Add(batch, """
                    INSERT INTO deliveries(record_key, record_seq, patient_id, partner_id, status, attempts, next_attempt_at, hold_reason, created_at, updated_at)
                    VALUES(@key, @seq, @patient, @partner, @status, 0, @now, @reason, @now, @now)
                    ON CONFLICT(record_key, partner_id) DO UPDATE SET
                      status = excluded.status, attempts = 0, next_attempt_at = excluded.next_attempt_at, hold_reason = excluded.hold_reason,
                      lease_owner = NULL, lease_until = NULL, solo = false, last_status = NULL, last_error = NULL, outcome = NULL, updated_at = excluded.updated_at
                    WHERE deliveries.status <> 'delivered'
                    """, ("@key", envelope.Key), ("@seq", seq), ("@patient", envelope.PatientId), ("@partner", planned.PartnerId),
                    ("@status", planned.HoldReason is null ? DeliveryStates.Pending : DeliveryStates.Held), ("@now", now), ("@reason", planned.HoldReason));
            Add(batch, """
                UPDATE records SET state = @routed, lease_owner = NULL, lease_until = NULL, parked_step = NULL, outcome = NULL,
                                   mapper_version = @mapper, updated_at = @now WHERE seq = @seq
                """, ("@routed", RecordStates.Routed), ("@mapper", routing.MapperVersion), ("@now", now), ("@seq", seq));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        return true;
    }

    /// <summary>Keeps per patient and organisation the consent of the latest record (by recordedAt).</summary>
    private static void AddConsent(NpgsqlBatch batch, RecordEnvelope envelope, Mapping.ConsentDirective consent) =>
        Add(batch, """
            INSERT INTO consents(patient_id, org_system, org_value, active, start_at, end_at, record_key, recorded_at)
            VALUES(@patient, @system, @value, @active, @start, @end, @key, @recordedAt)
            ON CONFLICT(patient_id, org_system, org_value) DO UPDATE SET
              active = excluded.active, start_at = excluded.start_at, end_at = excluded.end_at,
              record_key = excluded.record_key, recorded_at = excluded.recorded_at
            WHERE excluded.recorded_at >= consents.recorded_at
            """, ("@patient", envelope.PatientId), ("@system", consent.PartnerOrganization.System), ("@value", consent.PartnerOrganization.Value),
            ("@active", consent.Active), ("@start", consent.Start?.ToUnixTimeMilliseconds()), ("@end", consent.End?.ToUnixTimeMilliseconds()),
            ("@key", envelope.Key), ("@recordedAt", envelope.RecordedAt.ToUnixTimeMilliseconds()));

    private static void Add(NpgsqlBatch batch, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        batch.BatchCommands.Add(cmd);
    }

    public Task ReleaseRecordAsync(string recordKey, string owner, CancellationToken cancellationToken) =>
        WriteAsync((c, tx) => ExecuteAsync(c, tx,
            "UPDATE records SET lease_owner = NULL, lease_until = NULL WHERE record_key = @key AND lease_owner = @owner",
            cancellationToken, ("@key", recordKey), ("@owner", owner)), cancellationToken);

    public Task<IReadOnlyList<string>> ReplayAsync(string? record, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<string>>(async (c, tx) =>
        {
            var found = new List<(string Key, string Patient)>();
            await using (var find = Command(c, tx, """
                SELECT record_key, patient_id FROM records
                WHERE (state = @parked OR EXISTS(SELECT 1 FROM deliveries d WHERE d.record_key = records.record_key AND d.status = @parkedDelivery))
                  AND (@record::text IS NULL OR record_key = @record OR record_id = @record)
                ORDER BY seq
                FOR UPDATE
                """, ("@parked", RecordStates.Parked), ("@parkedDelivery", DeliveryStates.Parked), ("@record", record)))
            await using (var r = await find.ExecuteReaderAsync(cancellationToken))
                while (await r.ReadAsync(cancellationToken)) found.Add((r.GetString(0), r.GetString(1)));
            await ExecuteAsync(c, tx, """
                UPDATE records SET state = @waiting, lease_owner = NULL, lease_until = NULL, updated_at = @now WHERE record_key = ANY(@keys)
                """, cancellationToken, ("@waiting", RecordStates.Waiting), ("@now", NowMs), ("@keys", found.Select(f => f.Key).ToArray()));
            await AppendLedgerAsync(c, tx, found.Select(f => new LedgerDraft(LedgerSteps.Replayed, f.Key, f.Patient)).ToList(), cancellationToken);
            return found.Select(f => f.Key).ToList();
        }, cancellationToken);

    public async Task<IReadOnlyList<ConsentRecord>> GetConsentsAsync(string patientId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var cmd = Command(c, null, """
            SELECT org_system, org_value, active, start_at, end_at, record_key, recorded_at FROM consents WHERE patient_id = @patient
            """, ("@patient", patientId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<ConsentRecord>();
        while (await r.ReadAsync(cancellationToken))
            list.Add(new ConsentRecord(patientId,
                new Mapping.ConsentDirective(new Mapping.BusinessIdentifier(r.GetString(0), r.GetString(1)), r.GetBoolean(2),
                    r.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)),
                    r.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4))),
                r.GetString(5), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6))));
        return list;
    }

    /// <summary>Reads record_id, version, kind, patient_id, recorded_at from consecutive columns starting at <paramref name="first"/>.</summary>
    private static RecordEnvelope ReadEnvelope(NpgsqlDataReader r, int first) =>
        new(r.GetString(first), r.GetInt32(first + 1), r.GetString(first + 2), r.GetString(first + 3),
            DateTimeOffset.Parse(r.GetString(first + 4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
