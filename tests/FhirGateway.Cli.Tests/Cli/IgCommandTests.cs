using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Sources;
using static FhirGateway.Cli.Tests.CliRun;

namespace FhirGateway.Cli.Tests.Cli;

public sealed class IgCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fhirgw-ig-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Packs_the_ig_with_a_snapshot_in_every_structure_definition()
    {
        var target = Path.Combine(_folder, "ig.tgz");
        var (exit, output, errors) = await Run("ig", "pack", "--ig", Repo("profiles"), "--out", target);
        Assert.Equal((CliApp.ExitOk, ""), (exit, errors));
        Assert.Equal(target, output.Trim());
        var package = FhirPackage.Read(target);
        Assert.Equal("clinic.helixneuro.msc", package.Name);
        var source = DefinitionSources.OpenPackage(package);
        var profiles = source.StructureDefinitions().ToList();
        Assert.Equal(Directory.EnumerateFiles(Repo("profiles"), "StructureDefinition-*.json").Count(), profiles.Count);
        Assert.All(profiles, p => Assert.True(p.HasSnapshot, p.Url));
        Assert.NotNull(source.FindValueSet("https://fhir.helixneuro.clinic/ValueSet/biomarker-codes"));
    }

    [Fact]
    public async Task The_unpacked_package_validates_without_an_error()
    {
        var target = Path.Combine(_folder, "ig.tgz");
        await Run("ig", "pack", "--out", target);
        var unpacked = Directory.CreateDirectory(Path.Combine(_folder, "unpacked")).FullName;
        System.Formats.Tar.TarFile.ExtractToDirectory(new System.IO.Compression.GZipStream(File.OpenRead(target), System.IO.Compression.CompressionMode.Decompress), unpacked, false);

        var (exit, output, errors) = await Run("validate", Path.Combine(unpacked, "package"));

        Assert.True(exit == CliApp.ExitOk, output + errors);
        Assert.Matches(@"validated \d+ files \(\d+ resources\): 0 invalid; 0 errors", output);
    }

    [Fact]
    public async Task Packing_is_deterministic_and_the_embedded_ig_is_the_folder()
    {
        var a = Path.Combine(_folder, "a.tgz");
        var b = Path.Combine(_folder, "b.tgz");
        Assert.Equal(CliApp.ExitOk, (await Run("ig", "pack", "--out", a)).Exit);
        Assert.Equal(CliApp.ExitOk, (await Run("ig", "pack", "--ig", Repo("profiles"), "--out", b)).Exit);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public async Task A_profile_whose_snapshot_fails_is_reported_and_nothing_is_written()
    {
        var ig = Path.Combine(_folder, "ig");
        Directory.CreateDirectory(ig);
        File.Copy(Repo("profiles", "package.json"), Path.Combine(ig, "package.json"));
        var broken = File.ReadAllText(Repo("profiles", "StructureDefinition-edss.json")).Replace("\"Observation.performer\"", "\"Observation.performers\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(ig, "StructureDefinition-edss.json"), broken);
        var target = Path.Combine(_folder, "broken.tgz");
        var (exit, _, errors) = await Run("ig", "pack", "--ig", ig, "--out", target);
        Assert.Equal(CliApp.ExitIssues, exit);
        Assert.Contains("snapshot-path-not-found", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task A_missing_ig_folder_is_an_io_error()
    {
        var (exit, _, errors) = await Run("ig", "pack", "--ig", Path.Combine(_folder, "absent"), "--out", Path.Combine(_folder, "x.tgz"));
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("absent", errors, StringComparison.Ordinal);
    }
}
