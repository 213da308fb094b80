using System.Text.Json;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Snapshots;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Ig;

public sealed class ProfileDefinitionTests
{
    public static TheoryData<string> Profiles() =>
        new(ClinicIgDefinitions.Definitions.List(DefinitionKind.StructureDefinition).Select(e => e.Url).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Every_profile_generates_its_snapshot_without_issues(string url)
    {
        var result = SnapshotGenerator.For(ClinicIgDefinitions.WithCore).Generate(ClinicIgDefinitions.WithCore.FindStructureDefinition(url)!);
        Assert.True(result.Issues.Count == 0, string.Join("\n", result.Issues));
        Assert.True(result.Definition.Snapshot.Count > 4);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Every_invariant_compiles_against_the_type_of_its_element(string url)
    {
        var compiler = new FhirPathCompiler(new StructureTypeModel(ClinicIgDefinitions.WithCore));
        foreach (var element in ClinicIgDefinitions.WithCore.FindStructureDefinition(url)!.Differential)
            foreach (var constraint in element.Constraints)
            {
                var compiled = compiler.TryCompile(constraint.Expression!, element.Path);
                Assert.True(compiled.Success, $"{constraint.Key}: {compiled.Error?.Message}");
            }
    }

    [Fact]
    public void The_embedded_ig_is_exactly_the_profiles_folder()
    {
        var folder = Directory.EnumerateFiles(RepoFiles.Profiles, "*.json").Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).OrderBy(f => f.Item1, StringComparer.Ordinal).ToList();
        var embedded = ClinicIgDefinitions.Files.Select(f => (f.Name, f.Content)).ToList();
        Assert.Equal(folder.Select(f => f.Item1), embedded.Select(f => f.Name));
        Assert.All(folder.Zip(embedded), pair => Assert.Equal(pair.First.Item2, pair.Second.Content));
    }

    [Fact]
    public void The_package_manifest_names_the_ig_its_canonical_and_its_r4_dependency()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoFiles.Profiles, "package.json")));
        var root = manifest.RootElement;
        Assert.Equal(ClinicIg.PackageName, root.GetProperty("name").GetString());
        Assert.Equal(ClinicIg.Base, root.GetProperty("canonical").GetString());
        Assert.StartsWith("https://", root.GetProperty("canonical").GetString(), StringComparison.Ordinal);
        Assert.Equal(["4.0.1"], root.GetProperty("fhirVersions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("4.0.1", root.GetProperty("dependencies").GetProperty("hl7.fhir.r4.core").GetString());
        Assert.All(ClinicIgDefinitions.Definitions.StructureDefinitions(), sd => Assert.StartsWith(ClinicIg.Base + "/StructureDefinition/", sd.Url, StringComparison.Ordinal));
    }
}
