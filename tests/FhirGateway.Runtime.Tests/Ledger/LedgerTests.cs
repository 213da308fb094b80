using System.Text;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Tests.Support;
using Microsoft.Data.Sqlite;

namespace FhirGateway.Runtime.Tests.Ledger;

public sealed class LedgerTests : IAsyncLifetime
{
    private readonly StoreFixture _f = new();
    private static readonly CancellationToken None = CancellationToken.None;

    public Task InitializeAsync() => _f.InitializeAsync();
    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task Verify_finds_an_intact_chain_intact()
    {
        await _f.RouteAsync("r1", "p1", "hosp");
        await _f.RouteAsync("r2", "p1", "hosp");

        var result = await LedgerVerifier.VerifyAsync(_f.Store.ReadLedgerAsync(None), None);

        Assert.True(result.Intact, result.Reason);
        Assert.Equal(4, result.Count);
    }

    [Fact]
    public async Task Verify_names_the_first_modified_entry()
    {
        await _f.RouteAsync("r1", "p1", "hosp");
        await _f.RouteAsync("r2", "p1", "hosp");
        await TamperAsync("UPDATE ledger SET partner_id = 'elsewhere' WHERE seq = 2");

        var result = await LedgerVerifier.VerifyAsync(_f.Store.ReadLedgerAsync(None), None);

        Assert.Equal(2, result.BrokenSeq);
        Assert.Contains("modified", result.Reason);
    }

    [Fact]
    public async Task Verify_finds_a_deleted_entry()
    {
        await _f.RouteAsync("r1", "p1", "hosp");
        await _f.RouteAsync("r2", "p1", "hosp");
        await TamperAsync("DELETE FROM ledger WHERE seq = 3");

        var result = await LedgerVerifier.VerifyAsync(_f.Store.ReadLedgerAsync(None), None);

        Assert.Equal(4, result.BrokenSeq);
    }

    [Fact]
    public async Task An_entry_rewritten_with_a_fresh_hash_breaks_the_link_of_the_next_one()
    {
        await _f.RouteAsync("r1", "p1", "hosp");
        var entries = await _f.Store.TraceAsync("r1", null, None);
        var forged = entries[0].Draft with { Detail = "forged" };
        var hash = LedgerChain.ComputeHash(entries[0].Seq, entries[0].At, forged, entries[0].PreviousHash);
        await TamperAsync($"UPDATE ledger SET detail = 'forged', hash = '{hash}' WHERE seq = 1");

        var result = await LedgerVerifier.VerifyAsync(_f.Store.ReadLedgerAsync(None), None);

        Assert.Equal(2, result.BrokenSeq);
    }

    [Fact]
    public void Canonical_hash_ignores_layout_and_property_order_but_not_values()
    {
        var a = CanonicalJson.Hash(Encoding.UTF8.GetBytes("""{"b":1.50,"a":["x",{"d":true,"c":null}]}"""));
        var b = CanonicalJson.Hash(Encoding.UTF8.GetBytes("{ \"a\" : [ \"x\", { \"c\": null, \"d\": true } ],\n \"b\": 1.50 }"));
        var c = CanonicalJson.Hash(Encoding.UTF8.GetBytes("""{"b":1.5,"a":["x",{"d":true,"c":null}]}"""));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.StartsWith("sha256:", a);
    }

    private async Task TamperAsync(string sql)
    {
        await using var c = new SqliteConnection($"Data Source={_f.DatabasePath}");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }
}
