using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Sources;

namespace FhirGateway.Fhir.Tests.Definitions;

public sealed class PackageSourceTests : IDisposable
{
    private readonly TestPackages _packages = new();

    public void Dispose() => _packages.Dispose();

    [Fact]
    public void Reads_definitions_from_an_npm_package_tarball()
    {
        var tgz = _packages.Tarball("clinic.tgz",
            ("package.json", TestPackages.Manifest("example.clinic", "1.0.0")),
            ("StructureDefinition-clinic-patient.json", TestPackages.Profile()),
            ("ValueSet-clinic-colours.json", TestPackages.ValueSet()));

        var source = DefinitionSources.OpenPackage(tgz);

        Assert.Equal("package example.clinic#1.0.0", source.Description);
        var sd = source.FindStructureDefinition(TestPackages.ProfileUrl + "|1.0.0")!;
        Assert.Equal("constraint", sd.Derivation);
        Assert.False(sd.HasSnapshot);
        Assert.Equal(new FhirValue("date", "\"2000-01-01\""), sd.Differential[1].Pattern);
        Assert.Equal("Identifier", sd.Differential[2].Pattern!.TypeCode);
        Assert.Equal("""{"system":"urn:clinic","type":{"coding":[{"code":"MR"}]}}""", sd.Differential[2].Pattern!.Json);
        var vs = source.FindValueSet(TestPackages.ValueSetUrl)!;
        Assert.Equal(["red", "blue"], vs.Compose!.Include[0].Concepts.Select(c => c.Code));
        Assert.Equal("Red", vs.Compose.Include[0].Concepts[0].Display);
    }

    [Fact]
    public void The_examples_of_a_tarball_are_the_resources_under_example_without_that_folder_s_index()
    {
        var tgz = _packages.Tarball("with-examples.tgz",
            ("package.json", TestPackages.Manifest("example.clinic", "1.0.0")),
            ("ValueSet-clinic-colours.json", TestPackages.ValueSet()),
            ("example/.index.json", """{"index-version":1,"files":[{"filename":"Patient-a.json","resourceType":"Patient","id":"a"}]}"""),
            ("example/Patient-a.json", """{"resourceType":"Patient","id":"a"}"""));

        var package = FhirPackage.Read(tgz);

        Assert.Equal(["Patient-a.json"], package.Examples.Select(e => e.Name));
        Assert.Equal(["ValueSet-clinic-colours.json"], package.Files.Select(f => f.Name));
    }

    [Fact]
    public void Tarball_without_a_manifest_is_refused_with_its_path()
    {
        var tgz = _packages.Tarball("broken.tgz", ("ValueSet-x.json", TestPackages.ValueSet()));
        var e = Assert.Throws<DefinitionFormatException>(() => DefinitionSources.OpenPackage(tgz));
        Assert.Contains("broken.tgz", e.Message);
        Assert.Contains("package.json", e.Message);
    }

    [Fact]
    public void Reads_a_package_folder_in_the_fhir_packages_cache_layout_using_its_index()
    {
        var index = """
            {"index-version":1,"files":[
              {"filename":"StructureDefinition-clinic-patient.json","resourceType":"StructureDefinition","url":"http://example.org/fhir/StructureDefinition/clinic-patient"},
              {"filename":"Patient-example.json","resourceType":"Patient","id":"example"}]}
            """;
        var folder = _packages.PackageFolder("example.clinic", "2.0.0",
            ("package.json", TestPackages.Manifest("example.clinic", "2.0.0")),
            (".index.json", index),
            ("StructureDefinition-clinic-patient.json", TestPackages.Profile(version: "2.0.0")),
            ("ValueSet-not-indexed.json", TestPackages.ValueSet()),
            ("Patient-example.json", """{"resourceType":"Patient","id":"example"}"""));

        var package = FhirPackage.Read(folder);
        var source = DefinitionSources.OpenPackage(package);

        Assert.Equal("example.clinic#2.0.0", package.ToString());
        Assert.Equal(["StructureDefinition-clinic-patient.json"], package.Files.Select(f => f.Name));
        Assert.Equal("2.0.0", source.FindStructureDefinition(TestPackages.ProfileUrl)!.Version);
        Assert.Null(source.FindValueSet(TestPackages.ValueSetUrl));
        Assert.Equal("example.clinic#2.0.0", FhirPackage.Read(Path.Combine(folder, "package")).ToString());
    }

    [Fact]
    public void Bare_url_gives_the_highest_version_and_url_with_version_the_exact_one()
    {
        var bundle = $$$"""
            {"resourceType":"Bundle","type":"collection","entry":[
              {"resource":{{{TestPackages.ValueSet(version: "1.2.0")}}}},
              {"resource":{{{TestPackages.ValueSet(version: "1.10.0")}}}},
              {"resource":{{{TestPackages.ValueSet(version: "1.9.3")}}}}]}
            """;
        var source = DefinitionSources.OpenFiles(_packages.File("bundle.json", bundle));

        Assert.Equal("1.10.0", source.FindValueSet(TestPackages.ValueSetUrl)!.Version);
        Assert.Equal("1.2.0", source.FindValueSet(TestPackages.ValueSetUrl + "|1.2.0")!.Version);
        Assert.Null(source.FindValueSet(TestPackages.ValueSetUrl + "|2.0.0"));
        Assert.Equal(3, source.List(DefinitionKind.ValueSet).Count());
    }

    [Fact]
    public void Loose_folder_takes_definitions_from_files_and_bundles_and_reports_what_it_passed_over()
    {
        _packages.File("defs/profile.json", TestPackages.Profile());
        _packages.File("defs/nested/terminology.json", $$$"""{"resourceType":"Bundle","entry":[{"resource":{{{TestPackages.ValueSet()}}}}]}""");
        _packages.File("defs/patient.json", """{"resourceType":"Patient","id":"p1"}""");

        var collector = DefinitionSources.CollectFiles(Path.Combine(_packages.Root, "defs"));
        var source = collector.ToSource("defs");

        Assert.NotNull(source.FindStructureDefinition(TestPackages.ProfileUrl));
        Assert.NotNull(source.FindValueSet(TestPackages.ValueSetUrl));
        Assert.Equal("Patient", Assert.Single(collector.Skipped).Split(": ")[1]);
    }

    [Fact]
    public void Malformed_definition_is_reported_with_its_file_when_read()
    {
        var path = _packages.File("bad.json", """{"resourceType":"ValueSet","url":"http://example.org/vs","compose":{"include":{"system":"x"}}}""");
        var source = DefinitionSources.OpenFiles(path);
        var e = Assert.Throws<DefinitionFormatException>(() => source.FindValueSet("http://example.org/vs"));
        Assert.Contains("bad.json", e.Message);
        Assert.Contains("expected an array", e.Message);
    }
}
