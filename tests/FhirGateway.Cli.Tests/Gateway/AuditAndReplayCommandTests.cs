using Microsoft.Data.Sqlite;

namespace FhirGateway.Cli.Tests.Gateway;

public sealed class AuditAndReplayCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("fhirgw-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Ingest_stores_the_seeds_without_a_running_gateway_refuses_the_unreadable_and_contract_breaking_ones_and_knows_repeats()
    {
        var (exit, output, errors) = await CliRun.Run("ingest", CliRun.Seeds, "--data", _data);
        var (again, repeat, _) = await CliRun.Run("ingest", CliRun.Seeds, "--data", _data);

        Assert.Equal(CliApp.ExitIssues, exit);
        var refused = System.Text.RegularExpressions.Regex.Match(output, @"\d+ stored, 0 repeats, (\d+) refused").Groups[1].Value;
        Assert.NotEqual("", refused);
        Assert.Contains("record-malformed-json", errors, StringComparison.Ordinal);
        Assert.Contains("record-unknown-kind", errors, StringComparison.Ordinal);
        Assert.Contains("record-value-out-of-range", errors, StringComparison.Ordinal); // the contract: an ALSFRS-R item scored 5
        Assert.Equal(CliApp.ExitIssues, again);
        Assert.Matches($@"0 stored, \d+ repeats, {refused} refused", repeat);
    }

    [Fact]
    public async Task Audit_verify_passes_an_intact_ledger_and_names_the_first_modified_entry()
    {
        await CliRun.Run("ingest", Path.Combine(CliRun.Seeds, "als"), "--data", _data);

        var (intact, okOut, _) = await CliRun.Run("audit", "verify", "--data", _data);
        Tamper("UPDATE ledger SET record_key = 'REC-FORGED@1' WHERE seq = 7");
        var (broken, brokenOut, _) = await CliRun.Run("audit", "verify", "--data", _data);

        Assert.Equal(CliApp.ExitOk, intact);
        Assert.Matches(@"ledger intact: \d+ entries, head hmac-sha256:[0-9a-f]{12}:[0-9a-f]{64}", okOut);
        Assert.Equal(CliApp.ExitIssues, broken);
        Assert.Contains("ledger broken at entry #7:", brokenOut, StringComparison.Ordinal);
        Assert.Contains("the 6 entries before it are intact", brokenOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_trace_of_an_unknown_record_says_so_and_exits_1()
    {
        await CliRun.Run("ingest", Path.Combine(CliRun.Seeds, "als"), "--data", _data);
        var (exit, output, _) = await CliRun.Run("audit", "trace", "--record", "REC-NOPE", "--data", _data);

        Assert.Equal(CliApp.ExitIssues, exit);
        Assert.Contains("no ledger entries for record REC-NOPE", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_trace_needs_exactly_one_of_patient_or_record()
    {
        var (exit, _, errors) = await CliRun.Run("audit", "trace", "--data", _data);

        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("--patient ID or --record ID", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_says_when_nothing_matches()
    {
        await CliRun.Run("ingest", Path.Combine(CliRun.Seeds, "als"), "--data", _data);
        var (all, allOut, _) = await CliRun.Run("replay", "--all", "--data", _data);
        var (one, oneOut, _) = await CliRun.Run("replay", "--record", "REC-1", "--data", _data);
        var (none, _, usage) = await CliRun.Run("replay", "--data", _data);

        Assert.Equal((CliApp.ExitOk, CliApp.ExitIssues, CliApp.ExitUsage), (all, one, none));
        Assert.Contains("nothing is parked", allOut, StringComparison.Ordinal);
        Assert.Contains("no parked record matches REC-1", oneOut, StringComparison.Ordinal);
        Assert.Contains("--record ID or --all", usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_and_replay_refuse_a_folder_without_gateway_data_and_create_nothing_there()
    {
        var mistyped = Path.Combine(_data, "no-such-folder");

        foreach (var args in new[] { new[] { "audit", "verify" }, ["audit", "trace", "--record", "REC-1"], ["replay", "--all"] })
        {
            var (exit, output, errors) = await CliRun.Run([.. args, "--data", mistyped]);
            Assert.Equal(CliApp.ExitUsage, exit);
            Assert.Equal("", output);
            Assert.Contains($"no gateway data in {mistyped}", errors, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(Path.Combine(mistyped, "gateway.db")));
    }

    private void Tamper(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "gateway.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
