using Microsoft.Data.Sqlite;

namespace FhirGateway.Cli.Tests.Gateway;

public sealed class LedgerAuditCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("fhirgw-cli-").FullName;
    private readonly string _export = Directory.CreateTempSubdirectory("fhirgw-export-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_export, recursive: true);
    }

    [Fact]
    public async Task Export_writes_chain_and_checkpoints_and_verify_against_the_export_finds_a_truncated_tail()
    {
        await CliRun.Run("ingest", Path.Combine(CliRun.Seeds, "als"), "--data", _data);
        var (exported, exportOut, _) = await CliRun.Run("audit", "export", "--out", _export, "--data", _data);
        File.Delete(Path.Combine(_data, "ledger-checkpoints.jsonl")); // the local checkpoints go with the database
        Sql("DELETE FROM ledger WHERE seq > 3");

        var (alone, aloneOut, _) = await CliRun.Run("audit", "verify", "--data", _data);
        var (against, againstOut, _) = await CliRun.Run("audit", "verify", "--checkpoint", Path.Combine(_export, "checkpoints.jsonl"), "--data", _data);

        Assert.Equal(CliApp.ExitOk, exported);
        Assert.Matches(@"exported \d+ entries and 1 checkpoints", exportOut);
        Assert.True(File.ReadLines(Path.Combine(_export, "ledger.jsonl")).Count() > 3);
        Assert.Equal(CliApp.ExitOk, alone);
        Assert.Contains("ledger intact: 3 entries", aloneOut, StringComparison.Ordinal);
        Assert.Equal(CliApp.ExitIssues, against);
        Assert.Contains("its tail was removed", againstOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_finds_an_edited_checkpoint_in_the_data_folder()
    {
        await CliRun.Run("ingest", Path.Combine(CliRun.Seeds, "als"), "--data", _data);
        var file = Path.Combine(_data, "ledger-checkpoints.jsonl");
        var line = File.ReadAllLines(file)[^1];
        File.WriteAllText(file, System.Text.RegularExpressions.Regex.Replace(line, "\"seq\":\\d+", "\"seq\":2") + "\n");

        var (exit, output, _) = await CliRun.Run("audit", "verify", "--data", _data);

        Assert.Equal(CliApp.ExitIssues, exit);
        Assert.Contains("the checkpoint was altered", output, StringComparison.Ordinal);
    }

    private void Sql(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "gateway.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
