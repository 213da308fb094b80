using FhirGateway.Runtime.Inbound;
using FhirGateway.Runtime.Ledger;
using Npgsql;

namespace FhirGateway.Runtime.Store.PostgreSql;

public sealed partial class PostgreSqlGatewayStore : IInboundStore
{
    public Task SyncWrittenAsync(CancellationToken cancellationToken) =>
        WriteAsync(async (c, tx) =>
        {
            long last;
            await using (var cmd = Command(c, tx, "SELECT value FROM inbound_meta WHERE name = 'written_seq'"))
                last = await cmd.ExecuteScalarAsync(cancellationToken) is long v ? v : 0;
            var rows = new List<(long Seq, string Partner, string Patient, string Resources)>();
            await using (var cmd = Command(c, tx, """
                SELECT seq, partner_id, patient_id, resources FROM ledger
                WHERE seq > @last AND step = @step AND partner_id IS NOT NULL AND resources <> '' ORDER BY seq
                """, ("@last", last), ("@step", LedgerSteps.PartnerResponse)))
            await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
                while (await r.ReadAsync(cancellationToken)) rows.Add((r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3)));
            foreach (var row in rows)
                foreach (var location in row.Resources.Split('\n'))
                    if (ResourceLocation.TryParse(location, out var type, out var id, out _))
                        await ExecuteAsync(c, tx, """
                            INSERT INTO partner_written(partner_id, resource_type, resource_id, patient_id, ledger_seq) VALUES(@p, @t, @i, @patient, @seq)
                            ON CONFLICT(partner_id, resource_type, resource_id) DO UPDATE SET patient_id = excluded.patient_id, ledger_seq = excluded.ledger_seq
                            """, cancellationToken, ("@p", row.Partner), ("@t", type), ("@i", id), ("@patient", row.Patient), ("@seq", row.Seq));
            var head = rows.Count > 0 ? rows[^1].Seq : last;
            await using (var max = Command(c, tx, "SELECT coalesce(max(seq), 0) FROM ledger"))
                head = Math.Max(head, (long)(await max.ExecuteScalarAsync(cancellationToken))!);
            await ExecuteAsync(c, tx, "INSERT INTO inbound_meta(name, value) VALUES('written_seq', @v) ON CONFLICT(name) DO UPDATE SET value = GREATEST(inbound_meta.value, excluded.value)",
                cancellationToken, ("@v", head));
        }, cancellationToken);

    public Task<InboundCommitResult> CommitInboundAsync(InboundCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return WriteAsync(async (c, tx) =>
        {
            var now = NowMs;
            var stored = 0;
            var ledger = new List<LedgerDraft>();
            foreach (var item in commit.Items)
            {
                var hash = CanonicalJson.Hash(item.Json);
                long? seq;
                await using (var insert = Command(c, tx, """
                    INSERT INTO inbound_resources(partner_id, resource_type, resource_id, version_id, last_updated, patient_id, valid, outcome, via, json, payload_hash, received_at)
                    VALUES(@p, @t, @i, @v, @lu, @patient, @valid, @outcome, @via, @json, @hash, @now)
                    ON CONFLICT DO NOTHING RETURNING seq
                    """, ("@p", item.PartnerId), ("@t", item.ResourceType), ("@i", item.ResourceId), ("@v", item.VersionId),
                    ("@lu", item.LastUpdated?.ToUnixTimeMilliseconds()), ("@patient", item.PatientId), ("@valid", item.Valid),
                    ("@outcome", item.OperationOutcome), ("@via", item.Via), ("@json", item.Json.ToArray()), ("@hash", hash), ("@now", now)))
                    seq = await insert.ExecuteScalarAsync(cancellationToken) as long?;
                if (seq is null) continue;
                stored++;
                await ExecuteAsync(c, tx, "UPDATE inbound_resources SET outbox_file = @f WHERE seq = @s", cancellationToken,
                    ("@f", OutboxNames.For(seq.Value, item)), ("@s", seq.Value));
                ledger.Add(new LedgerDraft(InboundLedger.ReceivedFromPartner, InboundLedger.RecordKey(item.PartnerId, item.ResourceType, item.ResourceId), item.PatientId ?? "")
                {
                    PartnerId = item.PartnerId,
                    Status = item.Valid ? "valid" : "invalid",
                    PayloadHash = hash,
                    Resources = [item.Location],
                    Detail = $"via {item.Via}; {(item.PatientId is null ? "patient unmatched" : "patient matched")}; feed #{seq}",
                });
            }
            await AppendLedgerAsync(c, tx, ledger, cancellationToken);
            var gap = false;
            if (commit.Notification is { } n) gap = await CountEventsAsync(c, tx, n, now, cancellationToken);
            if (!gap && !await RecoveryPendingAsync(c, tx, commit, cancellationToken))
                foreach (var cursor in commit.Cursors)
                    await ExecuteAsync(c, tx, """
                        INSERT INTO inbound_cursors(partner_id, resource_type, position, updated_at) VALUES(@p, @t, @pos, @now)
                        ON CONFLICT(partner_id, resource_type) DO UPDATE SET position = GREATEST(inbound_cursors.position, excluded.position), updated_at = excluded.updated_at
                        """, cancellationToken, ("@p", cursor.PartnerId), ("@t", cursor.ResourceType), ("@pos", cursor.Position.ToUnixTimeMilliseconds()), ("@now", now));
            return new InboundCommitResult(stored, commit.Items.Count - stored, gap);
        }, cancellationToken);
    }

    /// <summary>Counts a notification's events; on a gap asks for a re-query (same transaction). True on a gap.</summary>
    private static async Task<bool> CountEventsAsync(NpgsqlConnection c, NpgsqlTransaction tx, NotificationEvents n, long now, CancellationToken cancellationToken)
    {
        var state = await ReadSubscriptionAsync(c, tx, n.PartnerId, cancellationToken);
        var last = state?.Subscription == n.Subscription ? state.LastEvent : 0;
        var gap = EventGap.Detect(last, n.FirstEvent, n.HighestEvent, n.EventsSinceStart);
        await ExecuteAsync(c, tx, """
            INSERT INTO inbound_subscriptions(partner_id, subscription, last_event, recovery_pending, recovery_generation, recovery_reason, updated_at)
            VALUES(@p, @s, @last, @gap, @step, @reason, @now)
            ON CONFLICT(partner_id) DO UPDATE SET subscription = excluded.subscription, last_event = excluded.last_event, updated_at = excluded.updated_at,
              recovery_pending = inbound_subscriptions.recovery_pending OR @gap,
              recovery_generation = inbound_subscriptions.recovery_generation + @step,
              recovery_reason = CASE WHEN @gap THEN excluded.recovery_reason ELSE inbound_subscriptions.recovery_reason END
            """, cancellationToken, ("@p", n.PartnerId), ("@s", n.Subscription), ("@last", EventGap.Advance(last, n.HighestEvent, n.EventsSinceStart)),
            ("@gap", gap), ("@step", gap ? 1L : 0L), ("@reason", gap ? $"events missed after #{last}" : null), ("@now", now));
        return gap;
    }

    /// <summary>While a re-query is pending, notifications do not move cursors (the re-query starts from them).</summary>
    private static async Task<bool> RecoveryPendingAsync(NpgsqlConnection c, NpgsqlTransaction tx, InboundCommit commit, CancellationToken cancellationToken)
    {
        if (commit.Notification is null) return false;
        var state = await ReadSubscriptionAsync(c, tx, commit.Notification.PartnerId, cancellationToken);
        return state?.RecoveryPending == true;
    }

    public Task<long> RequestRecoveryAsync(string partnerId, string reason, CancellationToken cancellationToken) =>
        WriteAsync(async (c, tx) =>
        {
            await using var cmd = Command(c, tx, """
                INSERT INTO inbound_subscriptions(partner_id, recovery_pending, recovery_generation, recovery_reason, updated_at) VALUES(@p, true, 1, @reason, @now)
                ON CONFLICT(partner_id) DO UPDATE SET recovery_pending = true, recovery_generation = inbound_subscriptions.recovery_generation + 1, recovery_reason = excluded.recovery_reason, updated_at = excluded.updated_at
                RETURNING recovery_generation
                """, ("@p", partnerId), ("@reason", reason), ("@now", NowMs));
            return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);

    public Task<bool> CompleteRecoveryAsync(string partnerId, long generation, CancellationToken cancellationToken) =>
        WriteAsync(async (c, tx) => await ExecuteAsync(c, tx, """
            UPDATE inbound_subscriptions SET recovery_pending = false, recovery_reason = NULL, updated_at = @now
            WHERE partner_id = @p AND recovery_generation = @g
            """, cancellationToken, ("@p", partnerId), ("@g", generation), ("@now", NowMs)) > 0, cancellationToken);

    public Task MarkExportedAsync(IReadOnlyList<StoredInboundItem> items, CancellationToken cancellationToken) =>
        WriteAsync(async (c, tx) =>
        {
            var ledger = new List<LedgerDraft>();
            foreach (var stored in items)
            {
                var changed = await ExecuteAsync(c, tx, "UPDATE inbound_resources SET exported_at = @now WHERE seq = @s AND exported_at IS NULL",
                    cancellationToken, ("@now", NowMs), ("@s", stored.Seq));
                if (changed == 0) continue;
                var item = stored.Item;
                ledger.Add(new LedgerDraft(InboundLedger.HandedToClinic, InboundLedger.RecordKey(item.PartnerId, item.ResourceType, item.ResourceId), item.PatientId ?? "")
                {
                    PartnerId = item.PartnerId,
                    Resources = [item.Location],
                    Detail = $"outbox {stored.OutboxFile}; feed #{stored.Seq}",
                });
            }
            await AppendLedgerAsync(c, tx, ledger, cancellationToken);
        }, cancellationToken);
}
