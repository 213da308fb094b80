using FhirGateway.Runtime.Store.Sqlite;
using FhirGateway.Testing.Partners;

namespace FhirGateway.Cli.Tests.Gateway;

/// <summary><c>fhirgw partners check</c> against a real third-party server (Medplum, stock).</summary>
public sealed class PartnersCheckMedplumTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fhirgw-check-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [MedplumFact]
    public async Task Reports_the_learned_limit_and_the_workarounds_and_finds_nothing_blocking()
    {
        await using var medplum = await MedplumPartner.StartAsync();
        var store = new SqliteGatewayStore(SqliteGatewayStore.PathIn(_folder), TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        await store.LearnLimitAsync("medplum", 8, "400 for a transaction of 10 entries", CancellationToken.None);
        var config = Path.Combine(_folder, "config.json");
        await File.WriteAllTextAsync(config, $$"""{"Partners":[{"Id":"medplum","Organization":"urn:test|m","BaseUrl":"{{medplum.BaseUrl}}"}]}""");

        var (exit, output, errors) = await CliRun.Run("partners", "check", "--config", config, "--data", _folder);

        Assert.True(exit == CliApp.ExitOk, output + errors);
        Assert.Matches(@"(?m)^medplum\s+\S+\s+4\.0\.1\s+yes\s+yes\s+yes\s+8\s+ok$", output);
        Assert.Contains("medplum: worked around: transactions of at most 8 entries (learned", output, StringComparison.Ordinal);
        Assert.Contains("medplum: worked around: BiologicallyDerivedProduct: R4 defines no identifier search for it; written by a client-assigned id", output, StringComparison.Ordinal);
        Assert.Contains("medplum: inbound:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("blocks delivery", output, StringComparison.Ordinal);
    }
}
