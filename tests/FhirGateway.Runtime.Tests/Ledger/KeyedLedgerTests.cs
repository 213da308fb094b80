using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store.Sqlite;
using FhirGateway.Runtime.Tests.Support;
using Microsoft.Data.Sqlite;

namespace FhirGateway.Runtime.Tests.Ledger;

/// <summary>The keyed ledger against someone who can write the database but has no key.</summary>
public sealed class KeyedLedgerTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly LedgerKeyRing Keys = new(new LedgerKey("the-ledger-key-of-these-tests-0123456789"), []);
    private readonly StoreFixture _f = new() { Keys = Keys };

    public async Task InitializeAsync()
    {
        await _f.InitializeAsync();
        await _f.RouteAsync("r1", "p1", "hosp");
        await _f.RouteAsync("r2", "p1", "hosp");
        await _f.RouteAsync("r3", "p2", "hosp");
    }

    public Task DisposeAsync() => _f.DisposeAsync();

    private Task<LedgerVerification> VerifyAsync(LedgerKeyRing keys, params LedgerCheckpoint[] checkpoints) =>
        LedgerVerifier.VerifyAsync(_f.Store.ReadLedgerAsync(None), keys, checkpoints, None);

    private async Task<LedgerCheckpoint> CheckpointAsync()
    {
        var (seq, head) = await _f.Store.GetLedgerHeadAsync(None);
        return LedgerCheckpoint.Sign(seq, head, "2026-03-01T10:00:00.000Z", Keys.Current!);
    }

    [Fact]
    public async Task A_keyed_chain_verifies_with_its_key_and_agrees_with_its_checkpoint()
    {
        var result = await VerifyAsync(Keys, await CheckpointAsync());

        Assert.True(result.Intact, result.Reason ?? result.CheckpointProblem);
        Assert.Equal((6, 0, 1), (result.Count, result.UnkeyedEntries, result.CheckpointsChecked));
        Assert.StartsWith(LedgerChain.KeyedPrefix + Keys.Current!.Id + ":", result.HeadHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_its_key_a_keyed_chain_is_reported_as_not_checkable()
    {
        var result = await VerifyAsync(LedgerKeyRing.None);

        Assert.Equal(1, result.BrokenSeq);
        Assert.Contains("not configured", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_tail_is_found_against_the_checkpoint()
    {
        var checkpoint = await CheckpointAsync();
        await SqlAsync("DELETE FROM ledger WHERE seq > 4");

        var result = await VerifyAsync(Keys, checkpoint);

        Assert.Null(result.BrokenSeq);
        Assert.False(result.Intact);
        Assert.Contains("records 6 entries, the ledger holds 4: its tail was removed", result.CheckpointProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_a_record_and_recomputing_the_unkeyed_chain_from_the_start_is_found_against_the_checkpoint()
    {
        var checkpoint = await CheckpointAsync();
        await SqlAsync("DELETE FROM ledger WHERE record_key = 'r2@1'");
        await RecomputeUnkeyedAsync(fromSeq: 1);

        var result = await VerifyAsync(Keys, checkpoint);

        Assert.False(result.Intact);
        Assert.Equal(result.Count, result.UnkeyedEntries);
        Assert.NotNull(result.CheckpointProblem);
    }

    [Fact]
    public async Task Erasing_a_record_and_recomputing_the_unkeyed_chain_after_it_breaks_at_the_first_recomputed_entry()
    {
        await SqlAsync("DELETE FROM ledger WHERE record_key = 'r2@1'");
        await RecomputeUnkeyedAsync(fromSeq: 3);

        var result = await VerifyAsync(Keys);

        Assert.Equal(3, result.BrokenSeq);
        Assert.Contains("unkeyed after keyed entries", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_checkpoint_no_longer_holds_its_signature()
    {
        var checkpoint = await CheckpointAsync();
        await SqlAsync("DELETE FROM ledger WHERE seq > 4");
        var (_, head) = await _f.Store.GetLedgerHeadAsync(None);

        var result = await VerifyAsync(Keys, checkpoint with { Seq = 4, Head = head });

        Assert.Contains("does not hold its signature: the checkpoint was altered", result.CheckpointProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_file_round_trips_and_a_line_that_is_not_a_checkpoint_is_named()
    {
        var file = Path.Combine(Path.GetDirectoryName(_f.DatabasePath)!, LedgerCheckpoint.FileName);
        var checkpoint = await CheckpointAsync();
        await LedgerCheckpoint.AppendAsync(file, checkpoint, None);
        await File.AppendAllTextAsync(file, "{\"seq\":\"x\"}\n");

        var (read, problems) = LedgerCheckpoint.ReadFile(file);

        Assert.Equal([checkpoint], read);
        Assert.Equal([$"{LedgerCheckpoint.FileName} line 2 is not a checkpoint"], problems);
    }

    [Fact]
    public async Task A_ledger_written_unkeyed_before_the_key_is_sealed_by_the_first_keyed_entry()
    {
        await using var legacy = new LegacyStore();
        await legacy.Unkeyed.InitializeAsync(None);
        await legacy.Unkeyed.AcceptAsync(new(Records.Envelope("old", "p1"), Records.Bytes("old", "p1"), "test"), None);
        var keyed = new SqliteGatewayStore(legacy.Path, TimeProvider.System, Keys);
        await keyed.AcceptAsync(new(Records.Envelope("new", "p1"), Records.Bytes("new", "p1"), "test"), None);

        var result = await LedgerVerifier.VerifyAsync(keyed.ReadLedgerAsync(None), Keys, [], None);

        Assert.True(result.Intact, result.Reason);
        Assert.Equal((2, 1, true), (result.Count, result.UnkeyedEntries, result.Keyed));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            legacy.Unkeyed.AcceptAsync(new(Records.Envelope("late", "p1"), Records.Bytes("late", "p1"), "test"), None));
    }

    /// <summary>What a 20-line script does: renumbers the entries from <paramref name="fromSeq"/> and recomputes their plain SHA-256 chain.</summary>
    private async Task RecomputeUnkeyedAsync(long fromSeq)
    {
        var entries = new List<LedgerEntry>();
        await foreach (var e in _f.Store.ReadLedgerAsync(None)) entries.Add(e);
        await SqlAsync("DELETE FROM ledger");
        var previous = LedgerChain.Genesis;
        await using var c = new SqliteConnection($"Data Source={_f.DatabasePath}");
        await c.OpenAsync();
        for (var i = 0; i < entries.Count; i++)
        {
            var seq = i + 1L;
            var hash = seq < fromSeq ? entries[i].Hash : LedgerChain.ComputeHash(seq, entries[i].At, entries[i].Draft, previous);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = """
                INSERT INTO ledger(seq, at, step, record_key, patient_id, partner_id, status, payload_hash, resources, detail, prev_hash, hash)
                VALUES($seq, $at, $step, $record, $patient, $partner, $status, $payload, $resources, $detail, $prev, $hash)
                """;
            var d = entries[i].Draft;
            foreach (var (name, value) in new (string, object?)[] { ("$seq", seq), ("$at", entries[i].At), ("$step", d.Step), ("$record", d.RecordKey),
                ("$patient", d.PatientId), ("$partner", d.PartnerId), ("$status", d.Status), ("$payload", d.PayloadHash),
                ("$resources", string.Join('\n', d.Resources)), ("$detail", d.Detail), ("$prev", previous), ("$hash", hash) })
                cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
            await cmd.ExecuteNonQueryAsync();
            previous = hash;
        }
    }

    private async Task SqlAsync(string sql)
    {
        await using var c = new SqliteConnection($"Data Source={_f.DatabasePath}");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private sealed class LegacyStore : IAsyncDisposable
    {
        private readonly TempFolder _folder = new();
        public string Path => _folder.File(SqliteGatewayStore.FileName);
        public SqliteGatewayStore Unkeyed => new(Path, TimeProvider.System);

        public ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            _folder.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
