using System.Text.Json;
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
        var unpacked = await PackAndUnpack();

        var (exit, output, errors) = await Run("validate", unpacked);

        Assert.True(exit == CliApp.ExitOk, output + errors);
        Assert.Matches(@"validated \d+ files \(\d+ resources\): 0 invalid; 0 errors", output);
        // Every file: the definitions, the guide, the statement and the examples.
        var files = Directory.EnumerateFiles(unpacked, "*.json", SearchOption.AllDirectories).Count(f => !Path.GetFileName(f).StartsWith('.') && Path.GetFileName(f) != "package.json");
        Assert.Contains($"validated {files} files", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_package_holds_a_draft_guide_listing_every_artefact_and_every_valid_example_under_example()
    {
        var unpacked = await PackAndUnpack();
        var guide = Json(Path.Combine(unpacked, "ImplementationGuide-clinic.helixneuro.msc.json"));
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Repo("profiles", "package.json")));
        Assert.Equal(("draft", "clinic.helixneuro.msc", "0.1.0", "4.0.1"), (Text(guide, "status"), Text(guide, "packageId"), Text(guide, "version"), guide.GetProperty("fhirVersion")[0].GetString()));
        Assert.Equal(manifest.RootElement.GetProperty("author").GetString(), Text(guide, "publisher"));
        Assert.NotEmpty(guide.GetProperty("contact")[0].GetProperty("telecom").EnumerateArray());
        Assert.NotEmpty(guide.GetProperty("jurisdiction").EnumerateArray());
        Assert.Equal("hl7.fhir.r4.core", Text(guide.GetProperty("dependsOn")[0], "packageId"));

        var listed = guide.GetProperty("definition").GetProperty("resource").EnumerateArray()
            .ToDictionary(r => r.GetProperty("reference").GetProperty("reference").GetString()!, r => r);
        var top = Directory.EnumerateFiles(unpacked, "*.json").Where(f => Path.GetFileName(f) is not ("package.json" or ".index.json")).Select(Json).ToList();
        Assert.All(top.Where(r => Text(r, "resourceType") != "ImplementationGuide"), r => Assert.False(listed[Reference(r)].GetProperty("exampleBoolean").GetBoolean(), Reference(r)));
        var examples = Directory.EnumerateFiles(Path.Combine(unpacked, "example"), "*.json").Where(f => !f.EndsWith(".index.json", StringComparison.Ordinal)).ToList();
        Assert.Equal(Directory.EnumerateFiles(Repo("profiles", "examples", "valid"), "*.json").Select(Path.GetFileName).Order(), examples.Select(Path.GetFileName).Order());
        Assert.All(examples.Select(Json), e => Assert.Equal(e.GetProperty("meta").GetProperty("profile")[0].GetString(), Text(listed[Reference(e)], "exampleCanonical")));
        Assert.Equal(top.Count - 1 + examples.Count, listed.Count);
    }

    [Fact]
    public async Task The_capability_statement_names_each_type_the_mapping_sends_with_its_profiles_and_the_types_read_back()
    {
        var unpacked = await PackAndUnpack();
        var statement = Json(Path.Combine(unpacked, "CapabilityStatement-fhirgw-gateway.json"));
        Assert.Equal(("requirements", "draft"), (Text(statement, "kind"), Text(statement, "status")));
        var client = statement.GetProperty("rest").EnumerateArray().Single(r => Text(r, "mode") == "client");
        Assert.Equal("transaction", Text(client.GetProperty("interaction")[0], "code"));
        var resources = client.GetProperty("resource").EnumerateArray().ToDictionary(r => Text(r, "type"));
        var profiles = Directory.EnumerateFiles(unpacked, "StructureDefinition-*.json").Select(Json)
            .Where(p => Text(p, "kind") == "resource" && Text(p, "type") != "Bundle").ToList();
        Assert.All(profiles, p => Assert.Contains(Text(p, "url"), resources[Text(p, "type")].GetProperty("supportedProfile").EnumerateArray().Select(u => u.GetString())));
        Assert.True(resources["Patient"].GetProperty("conditionalCreate").GetBoolean());
        Assert.True(resources["CarePlan"].GetProperty("conditionalUpdate").GetBoolean());
        Assert.Contains(resources["MedicationRequest"].GetProperty("searchParam").EnumerateArray(), p => Text(p, "name") == "_lastUpdated");
        Assert.Contains(statement.GetProperty("rest").EnumerateArray(), r => Text(r, "mode") == "server" && Text(r, "documentation").Contains("/inbound/notifications/", StringComparison.Ordinal));
    }

    private async Task<string> PackAndUnpack()
    {
        var target = Path.Combine(_folder, "ig.tgz");
        Assert.Equal(CliApp.ExitOk, (await Run("ig", "pack", "--out", target)).Exit);
        var unpacked = Directory.CreateDirectory(Path.Combine(_folder, "unpacked")).FullName;
        System.Formats.Tar.TarFile.ExtractToDirectory(new System.IO.Compression.GZipStream(File.OpenRead(target), System.IO.Compression.CompressionMode.Decompress), unpacked, true);
        return Path.Combine(unpacked, "package");
    }

    private static JsonElement Json(string file) => JsonDocument.Parse(File.ReadAllBytes(file)).RootElement;

    private static string Text(JsonElement e, string property) => e.TryGetProperty(property, out var v) ? v.GetString() ?? "" : "";

    private static string Reference(JsonElement resource) => $"{Text(resource, "resourceType")}/{Text(resource, "id")}";

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
