using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Sources;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Tests.Definitions;

public sealed class DefinitionResolverTests : IDisposable
{
    private const string CorePatient = "http://hl7.org/fhir/StructureDefinition/Patient";
    private readonly TestPackages _packages = new();

    public void Dispose() => _packages.Dispose();

    [Fact]
    public void A_local_definition_with_a_core_url_shadows_core()
    {
        var local = DefinitionSources.OpenFiles(_packages.File("patient.json", TestPackages.Profile(url: CorePatient, version: "4.0.1", name: "LocalPatient")));
        var resolver = DefinitionResolver.WithCore(local);

        Assert.Equal("LocalPatient", resolver.FindStructureDefinition(CorePatient)!.Name);
        Assert.Equal("LocalPatient", resolver.FindStructureDefinition(CorePatient + "|4.0.1")!.Name);
        Assert.Equal("Observation", resolver.FindStructureDefinition("http://hl7.org/fhir/StructureDefinition/Observation")!.Name);
        Assert.Single(resolver.List(DefinitionKind.StructureDefinition), e => e.Url == CorePatient);
    }

    [Fact]
    public void Earlier_sources_win_and_later_ones_fill_in()
    {
        var first = DefinitionSources.OpenFiles(_packages.File("a/vs.json", TestPackages.ValueSet(version: "1.0.0")));
        var second = DefinitionSources.OpenFiles(_packages.File("b/vs.json", TestPackages.ValueSet(version: "2.0.0")));
        var resolver = new DefinitionResolver([first, second]);

        Assert.Equal("1.0.0", resolver.FindValueSet(TestPackages.ValueSetUrl)!.Version);
        Assert.Equal("2.0.0", resolver.FindValueSet(TestPackages.ValueSetUrl + "|2.0.0")!.Version);
        Assert.Equal(2, resolver.List(DefinitionKind.ValueSet).Count());
        Assert.Null(resolver.FindCodeSystem("http://hl7.org/fhir/administrative-gender"));
    }

    [Fact]
    public void A_partial_version_names_the_highest_version_it_starts()
    {
        _packages.File("versions/a.json", TestPackages.ValueSet(version: "0.2.1"));
        _packages.File("versions/b.json", TestPackages.ValueSet(version: "0.2.3"));
        var folder = Path.GetDirectoryName(_packages.File("versions/c.json", TestPackages.ValueSet(version: "0.20.0")))!;
        var resolver = new DefinitionResolver([DefinitionSources.OpenFiles(folder)]);

        Assert.Equal("0.2.3", resolver.FindValueSet(TestPackages.ValueSetUrl + "|0.2")!.Version);
        Assert.Equal("0.2.1", resolver.FindValueSet(TestPackages.ValueSetUrl + "|0.2.1")!.Version);
        Assert.Null(resolver.FindValueSet(TestPackages.ValueSetUrl + "|0.3"));
    }

    [Fact]
    public void Packages_and_files_stand_in_front_of_core()
    {
        var tgz = _packages.Tarball("clinic.tgz",
            ("package.json", TestPackages.Manifest("example.clinic", "1.0.0")),
            ("ValueSet-clinic-colours.json", TestPackages.ValueSet()));
        var resolver = DefinitionResolver.WithCore([tgz], [_packages.File("profile.json", TestPackages.Profile())]);

        Assert.Equal(3, resolver.Sources.Count);
        Assert.NotNull(resolver.FindValueSet(TestPackages.ValueSetUrl));
        Assert.NotNull(resolver.FindStructureDefinition(TestPackages.ProfileUrl));
        Assert.NotNull(resolver.FindValueSet("http://hl7.org/fhir/ValueSet/administrative-gender"));
    }

    [Fact]
    public void Type_model_over_a_resolver_builds_core_types()
    {
        var model = new StructureTypeModel(DefinitionResolver.WithCore());
        Assert.Equal(TypeKind.Resource, model.FindType("Patient")!.Kind);
        Assert.True(model.IsSameOrSubtype("Age", "Quantity"));
    }
}
