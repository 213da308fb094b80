using FhirGateway.Runtime.Hosting;
using Microsoft.Extensions.Configuration;

namespace FhirGateway.Cli.Tests.Gateway;

/// <summary><c>appsettings.example.json</c> documents every setting: it binds, validates, and names every option's key.</summary>
public sealed class ExampleSettingsTests
{
    private static IConfigurationRoot Example() =>
        new ConfigurationBuilder().AddJsonFile(CliRun.Repo("appsettings.example.json"), optional: false).Build();

    [Fact]
    public void The_example_binds_and_validates()
    {
        var configuration = Example();
        Assert.Empty(SettingsCheck.Problems(configuration));
        Assert.Empty(SettingsCheck.UnknownKeys(configuration));
        var options = new GatewayOptions();
        configuration.Bind(options);
        var result = new GatewayOptionsValidator().Validate(null, options);
        Assert.False(result.Failed, result.FailureMessage);
    }

    [Fact]
    public void The_example_names_every_option_key()
    {
        var given = Example().AsEnumerable().Select(kv => kv.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = SettingsCheck.AllKeys().Where(k => !given.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "appsettings.example.json lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_key_of_the_example_has_a_comment()
    {
        var lines = File.ReadAllLines(CliRun.Repo("appsettings.example.json"));
        var undocumented = lines.Select((line, i) => (line, i))
            .Where(x => x.line.TrimStart().StartsWith('"') && x.line.Contains("\":", StringComparison.Ordinal) && !x.line.TrimEnd().EndsWith('{') && !x.line.TrimEnd().EndsWith('['))
            .Where(x => x.i == 0 || !lines[x.i - 1].TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Where(x => !IsContinuation(lines, x.i))
            .Select(x => x.line.Trim()).ToList();
        Assert.True(undocumented.Count == 0, "keys without a comment above them: " + string.Join(" | ", undocumented));
    }

    /// <summary>Keys of one group documented once above it (ClientId, ClientSecret, Scope after TokenEndpoint).</summary>
    private static bool IsContinuation(string[] lines, int i) =>
        i > 0 && lines[i - 1].TrimStart().StartsWith('"') && lines[i].Contains("\"\"", StringComparison.Ordinal) && lines[i - 1].Contains("\"\"", StringComparison.Ordinal);
}
