using FhirGateway.Fhir.Definitions;
using static FhirGateway.Fhir.Tests.Definitions.Snapshots.MiniDefinitions;

namespace FhirGateway.Fhir.Tests.Definitions.Snapshots;

public sealed class SnapshotSlicingTests
{
    private static readonly SlicingInfo ByCode = new() { Discriminators = [new DiscriminatorInfo("pattern", "code")], Rules = "open" };

    private static ElementDefinitionInfo Slice(string path, string name) => D(path) with { Id = null, SliceName = name };

    [Fact]
    public void Slices_come_after_the_sliced_element_and_its_children_with_spec_ids()
    {
        var result = Generate(Profile("p", "Observation", D("Observation"),
            D("Observation.component") with { Slicing = ByCode, Min = 1 },
            D("Observation.component:sys") with { SliceName = "sys", Min = 1, Max = "1" },
            D("Observation.component:sys.code.code") with { Min = 1 },
            D("Observation.component:sys.valueQuantity") with { Types = [new TypeRefInfo { Code = "Quantity" }] },
            D("Observation.component:dia") with { SliceName = "dia" }));
        Assert.Empty(result.Issues);
        var ids = result.Ids();
        var expected = new[]
        {
            "Observation.component", "Observation.component.code", "Observation.component.value[x]",
            "Observation.component:sys", "Observation.component:sys.code", "Observation.component:sys.code.id",
            "Observation.component:sys.code.extension", "Observation.component:sys.code.system", "Observation.component:sys.code.code",
            "Observation.component:sys.value[x]",
            "Observation.component:dia", "Observation.component:dia.code", "Observation.component:dia.value[x]", "Observation.part",
        };
        Assert.Equal(expected, ids.Skip(ids.IndexOf("Observation.component")).Take(expected.Length));
        Assert.Null(result.Element("Observation.component:sys").Slicing);
        Assert.Equal(["Quantity"], result.Element("Observation.component:sys.value[x]").Types.Select(t => t.Code));
        Assert.Equal(1, result.Element("Observation.component:sys.code.code").Min);
        Assert.Equal(0, result.Element("Observation.component:dia").Min);
    }

    [Fact]
    public void Slices_follow_the_element_before_them_when_differential_ids_are_missing()
    {
        var result = Generate(Profile("p", "Observation", D("Observation"),
            D("Observation.component") with { Slicing = ByCode },
            Slice("Observation.component", "sys") with { Min = 1 },
            D("Observation.component.code") with { Id = null, Short = "in the slice" }));
        Assert.Empty(result.Issues);
        Assert.Equal("in the slice", result.Element("Observation.component:sys.code").Short);
        Assert.Null(result.Element("Observation.component.code").Short);
    }

    [Fact]
    public void Reslices_come_after_their_slice_and_its_children()
    {
        var result = Generate(Profile("p", "Observation", D("Observation"),
            D("Observation.component") with { Slicing = ByCode },
            D("Observation.component:a") with { SliceName = "a", Slicing = ByCode },
            D("Observation.component:a/b") with { SliceName = "a/b", Max = "1" },
            D("Observation.component:c") with { SliceName = "c" }));
        Assert.Empty(result.Issues);
        var ids = result.Ids();
        Assert.True(ids.IndexOf("Observation.component:a.value[x]") < ids.IndexOf("Observation.component:a/b"));
        Assert.True(ids.IndexOf("Observation.component:a/b.value[x]") < ids.IndexOf("Observation.component:c"));
        Assert.Equal("1", result.Element("Observation.component:a/b").Max);
    }

    [Fact]
    public void Extension_slices_carry_their_profile_and_unfold_from_the_extension_definition()
    {
        var extension = new StructureDefinitionInfo
        {
            Url = "http://example.org/fhir/StructureDefinition/ext-flag",
            Name = "Flag",
            Kind = "complex-type",
            Type = "Extension",
            BaseDefinition = Core + "Extension",
            Derivation = "constraint",
            Differential = [D("Extension"), D("Extension.url") with { Fixed = new FhirValue("uri", "\"http://example.org/fhir/StructureDefinition/ext-flag\"") },
                D("Extension.value[x]") with { Types = [new TypeRefInfo { Code = "Coding" }] }],
        };
        var profiled = new TypeRefInfo { Code = "Extension", Profiles = [extension.Url] };
        var result = Generate(Profile("p", "Observation", D("Observation"),
            D("Observation.extension:flag") with { SliceName = "flag", Max = "1", Types = [profiled] },
            D("Observation.extension:flag.value[x]") with { Min = 1 }), extension);
        Assert.Empty(result.Issues);
        var slice = result.Element("Observation.extension:flag");
        Assert.Equal([extension.Url], slice.Types.Single().Profiles);
        var value = result.Element("Observation.extension:flag.value[x]");
        Assert.Equal((1, "Coding"), (value.Min, value.Types.Single().Code));
        Assert.Equal("Observation.extension.url", result.Element("Observation.extension:flag.url").Path);
    }

    [Fact]
    public void Type_slice_named_by_id_restricts_the_slice_type()
    {
        var result = Generate(Profile("p", "Observation", D("Observation"),
            D("Observation.value[x]") with { Slicing = new SlicingInfo { Discriminators = [new DiscriminatorInfo("type", "$this")] } },
            D("Observation.value[x]:valueString") with { SliceName = "valueString", MaxLength = 5 }));
        Assert.Empty(result.Issues);
        var slice = result.Element("Observation.value[x]:valueString");
        Assert.Equal("string", slice.Types.Single().Code);
        Assert.Equal(5, slice.MaxLength);
    }
}
