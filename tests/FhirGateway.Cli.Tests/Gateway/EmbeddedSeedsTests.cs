using FhirGateway.Cli;

namespace FhirGateway.Cli.Tests.Gateway;

/// <summary>The seeds built into fhirgw (for a demo away from the repository) are exactly the repository's seeds.</summary>
public sealed class EmbeddedSeedsTests
{
    [Fact]
    public void Extracting_the_built_in_seeds_gives_the_repository_seeds_byte_for_byte()
    {
        var expected = Directory.GetFiles(CliRun.Seeds, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(CliRun.Seeds, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

        using var folder = new TempDirectory();
        EmbeddedSeeds.ExtractTo(folder.Path);

        Assert.Equal(expected, EmbeddedSeeds.Files);
        Assert.Contains("broken/not-json.json", expected);
        foreach (var file in expected)
            Assert.Equal(File.ReadAllBytes(Path.Combine(CliRun.Seeds, file)), File.ReadAllBytes(Path.Combine(folder.Path, file)));
    }
}
