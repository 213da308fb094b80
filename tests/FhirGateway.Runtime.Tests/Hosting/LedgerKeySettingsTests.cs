using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.Hosting;

public sealed class LedgerKeySettingsTests
{
    private static IReadOnlyList<string> Failures(GatewayOptions options) =>
        new GatewayOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void A_writer_without_a_key_must_not_start_unless_the_ledger_is_explicitly_unkeyed()
    {
        Assert.Contains("no ledger key is given", LedgerKeyRing.MissingKey(new LedgerOptions()), StringComparison.Ordinal);
        Assert.Null(LedgerKeyRing.MissingKey(new LedgerOptions { Unkeyed = true }));
        Assert.Null(LedgerKeyRing.MissingKey(new LedgerOptions { Key = new string('k', 40) }));
    }

    [Fact]
    public async Task The_gateway_host_refuses_to_start_without_a_ledger_key()
    {
        using var folder = new TempFolder();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            GatewayFixture.StartAsync(folder.Path, new Uri("http://127.0.0.1:9/"), s => s["Ledger:Key"] = ""));

        Assert.Contains("Ledger:Unkeyed=true for development only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_key_and_a_key_file_inside_the_data_folder_are_refused()
    {
        using var folder = new TempFolder();
        var inside = Path.Combine(folder.Path, "ledger.key");
        File.WriteAllText(inside, new string('k', 40));
        var options = new GatewayOptions { Data = folder.Path, Ledger = { Key = "short", KeyFile = inside } };

        var failures = Failures(options);

        Assert.Contains(failures, f => f.StartsWith("Ledger:Key (FHIRGW_LEDGER__KEY): must be at least 32 characters", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ledger:KeyFile (FHIRGW_LEDGER__KEYFILE): must be outside the data folder", StringComparison.Ordinal));
    }

    [Fact]
    public void Rotated_keys_still_verify_what_they_signed()
    {
        var old = new LedgerKey(new string('a', 40));
        var ring = LedgerKeyRing.From(new LedgerOptions { Key = new string('b', 40), PreviousKeys = [new string('a', 40)] });
        var checkpoint = LedgerCheckpoint.Sign(3, "h", "2026-03-01T10:00:00.000Z", old);

        Assert.NotEqual(old.Id, ring.Current!.Id);
        Assert.True(checkpoint.IsAuthentic(ring));
        Assert.False(checkpoint.IsAuthentic(LedgerKeyRing.From(new LedgerOptions { Key = new string('b', 40) })));
    }
}
