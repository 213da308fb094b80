namespace FhirGateway.Cli.Tests.Gateway;

/// <summary><c>fhirgw records list|show|prune</c> on what a demo run left.</summary>
[Collection(nameof(DemoRunCollection))]
public sealed class RecordsCommandTests(DemoRunFixture demo)
{
    [Fact]
    public async Task List_by_state_prints_one_line_per_record_with_kind_state_partners_and_reason()
    {
        var (exit, output, _) = await CliRun.Run("records", "list", "--state", "parked", "--limit", "500", "--data", demo.Data);
        Assert.Equal(CliApp.ExitOk, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        var store = new FhirGateway.Runtime.Store.Sqlite.SqliteGatewayStore(FhirGateway.Runtime.Store.Sqlite.SqliteGatewayStore.PathIn(demo.Data), TimeProvider.System);
        var parked = (await store.SummaryAsync(CancellationToken.None)).RecordsParked;
        Assert.True(parked > 0, "the demo parks its broken seeds that pass intake");
        Assert.Equal(parked, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^\S+@\d+\t[a-z-]+\tparked\t-\t(mapping|validation|cross-record): ", l));
        var (_, held, _) = await CliRun.Run("records", "list", "--state", "held", "--partner", "riverside-neuro", "--data", demo.Data);
        Assert.Contains("riverside-neuro=held", held, StringComparison.Ordinal);
        Assert.Contains("riverside-neuro: no-consent", held, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_pages_by_cursor_and_json_gives_the_api_shape()
    {
        var (_, first, more) = await CliRun.Run("records", "list", "--limit", "3", "--data", demo.Data);
        Assert.Equal(3, first.TrimEnd('\n').Split('\n').Length);
        var page = System.Text.RegularExpressions.Regex.Match(more, @"--page (\d+)").Groups[1].Value;
        var (_, second, _) = await CliRun.Run("records", "list", "--limit", "3", "--page", page, "--data", demo.Data);
        var shared = first.Split('\n').Intersect(second.Split('\n')).Count(l => l.Length > 0);
        Assert.Equal(0, shared);
        var (exit, json, _) = await CliRun.Run("records", "list", "--json", "--kind", "consent", "--data", demo.Data);
        Assert.Equal(CliApp.ExitOk, exit);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.All(doc.RootElement.GetProperty("records").EnumerateArray(), r => Assert.Equal("consent", r.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Show_tells_a_parked_records_reasons_and_its_ledger_story()
    {
        var (_, parked, _) = await CliRun.Run("records", "list", "--state", "parked", "--limit", "1", "--data", demo.Data);
        var key = parked.Split('\t')[0];
        var (exit, output, _) = await CliRun.Run("records", "show", key, "--data", demo.Data);
        Assert.Equal(CliApp.ExitOk, exit);
        Assert.StartsWith($"record {key}", output, StringComparison.Ordinal);
        Assert.Matches(@"parked at (mapping|validation):\n    (error|fatal) ", output);
        Assert.Contains("ledger:", output, StringComparison.Ordinal);
        Assert.Contains(" received ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_filters_and_unknown_records_are_named()
    {
        var (exit, _, errors) = await CliRun.Run("records", "list", "--state", "lost", "--since", "soon", "--data", demo.Data);
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("records list: state 'lost' is not one of waiting, routed, delivered, parked, held.", errors, StringComparison.Ordinal);
        Assert.Contains("records list: since 'soon' is not a date", errors, StringComparison.Ordinal);
        var (unknown, _, why) = await CliRun.Run("records", "show", "NOPE@9", "--data", demo.Data);
        Assert.Equal((CliApp.ExitIssues, "records show: no record NOPE@9 is stored\n"), (unknown, why));
        var (prune, _, need) = await CliRun.Run("records", "prune", "--data", demo.Data);
        Assert.Equal(CliApp.ExitUsage, prune);
        Assert.Contains("give --delivered-before DATE, or set Retention:DeliveredPayloads", need, StringComparison.Ordinal);
    }
}
