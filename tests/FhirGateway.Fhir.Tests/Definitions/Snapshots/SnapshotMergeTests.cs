using FhirGateway.Fhir.Definitions;
using static FhirGateway.Fhir.Tests.Definitions.Snapshots.MiniDefinitions;

namespace FhirGateway.Fhir.Tests.Definitions.Snapshots;

public sealed class SnapshotMergeTests
{
    [Fact]
    public void Unconstrained_elements_are_carried_from_the_base_snapshot()
    {
        var result = Generate(Profile("p", "Observation", D("Observation")));
        Assert.Empty(result.Issues);
        Assert.Equal(Observation.Snapshot.Select(e => e.Id), result.Ids());
    }

    [Fact]
    public void Differential_narrows_cardinality_and_keeps_the_base_record()
    {
        var result = Generate(Profile("p", "Observation", D("Observation"), D("Observation.component") with { Min = 1, Max = "2" }));
        var component = result.Element("Observation.component");
        Assert.Equal((1, "2"), (component.Min, component.Max));
        Assert.Equal(new ElementBaseInfo("Observation.component", 0, "*"), component.Base);
    }

    [Fact]
    public void Added_constraints_get_the_profile_as_source_and_inherited_ones_stay()
    {
        var added = new ConstraintInfo("p-1", "error", "needs a value", "value.exists()", null);
        var result = Generate(Profile("p", "Observation", D("Observation") with { Constraints = [added] }));
        var root = result.Element("Observation");
        Assert.Equal(["obs-6", "p-1"], root.Constraints.Select(c => c.Key));
        Assert.Equal("http://example.org/fhir/StructureDefinition/p", root.Constraints[1].Source);
        Assert.Equal(Core + "Observation", root.Constraints[0].Source);
    }

    [Fact]
    public void Binding_without_value_set_keeps_the_base_value_set_and_type_keeps_base_profiles()
    {
        var result = Generate(Profile("p", "Observation", D("Observation"),
            D("Observation.code") with { Binding = new BindingInfo("extensible", null), MustSupport = true, Short = "The code" }));
        var code = result.Element("Observation.code");
        Assert.Equal(new BindingInfo("extensible", "http://hl7.org/fhir/ValueSet/observation-codes"), code.Binding);
        Assert.True(code.MustSupport);
        Assert.Equal("The code", code.Short);
    }

    [Fact]
    public void Deeper_path_unfolds_the_data_type_with_paths_rewritten_and_type_bases()
    {
        var result = Generate(Profile("p", "Observation", D("Observation"), D("Observation.code.system") with { Min = 1 }));
        Assert.Empty(result.Issues);
        var ids = result.Ids();
        var at = ids.IndexOf("Observation.code");
        Assert.Equal(["Observation.code.id", "Observation.code.extension", "Observation.code.system", "Observation.code.code"], ids.Skip(at + 1).Take(4));
        var system = result.Element("Observation.code.system");
        Assert.Equal((1, "1"), (system.Min, system.Max));
        Assert.Equal("Coding.system", system.Base!.Path);
    }

    [Fact]
    public void Renamed_choice_outside_slices_becomes_the_R4_type_slice()
    {
        var result = Generate(Profile("p", "Observation", D("Observation"), D("Observation.valueQuantity") with { Min = 1 },
            D("Observation.valueQuantity.unit") with { Min = 1 }));
        Assert.Empty(result.Issues);
        var choice = result.Element("Observation.value[x]");
        Assert.Equal(["Quantity"], choice.Types.Select(t => t.Code));
        Assert.Equal(new DiscriminatorInfo("type", "$this"), choice.Slicing!.Discriminators.Single());
        var slice = result.Element("Observation.value[x]:valueQuantity");
        Assert.Equal(("Observation.value[x]", "valueQuantity", 1), (slice.Path, slice.SliceName, slice.Min));
        Assert.Equal("Observation.value[x].unit", result.Element("Observation.value[x]:valueQuantity.unit").Path);
        Assert.Equal(1, result.Element("Observation.value[x]:valueQuantity.unit").Min);
    }

    [Fact]
    public void Renamed_choice_constrains_in_place_when_type_slices_are_off()
    {
        var profile = Profile("p", "Observation", D("Observation"), D("Observation.valueString") with { MaxLength = 10 });
        var result = new FhirGateway.Fhir.Definitions.Snapshots.SnapshotGenerator(Lookup(profile),
            new FhirGateway.Fhir.Definitions.Snapshots.SnapshotOptions { RenamedChoiceAsTypeSlice = false }).Generate(profile);
        var choice = result.Element("Observation.value[x]");
        Assert.Equal(["string"], choice.Types.Select(t => t.Code));
        Assert.Equal(10, choice.MaxLength);
        Assert.DoesNotContain(result.Ids(), id => id.Contains(':', StringComparison.Ordinal));
    }

    [Fact]
    public void Content_reference_is_unfolded_from_the_referenced_element()
    {
        var result = Generate(Profile("p", "Observation", D("Observation"), D("Observation.part.part.name") with { Min = 1 }));
        Assert.Empty(result.Issues);
        var name = result.Element("Observation.part.part.name");
        Assert.Equal(1, name.Min);
        Assert.Equal("Observation.part.name", name.Base!.Path);
    }

    [Fact]
    public void Profile_on_a_profile_without_snapshot_generates_the_base_first()
    {
        var middle = Profile("middle", "Observation", D("Observation"), D("Observation.code.code") with { Min = 1 });
        var top = Profile("top", middle.Url, D("Observation"), D("Observation.code.system") with { Min = 1 });
        var result = Generate(top, middle);
        Assert.Empty(result.Issues);
        Assert.Equal(1, result.Element("Observation.code.code").Min);
        Assert.Equal(1, result.Element("Observation.code.system").Min);
    }

    [Fact]
    public void A_type_profile_brings_the_profile_roots_constraints_and_summary_flag()
    {
        var simple = new StructureDefinitionInfo
        {
            Url = Core + "SimpleQuantity",
            Name = "SimpleQuantity",
            Kind = "complex-type",
            Type = "Quantity",
            BaseDefinition = Core + "Quantity",
            Derivation = "constraint",
            Snapshot = [E("Quantity", 0, "*") with { Constraints = [new ConstraintInfo("sqty-1", "error", "no comparator", "comparator.empty()", Core + "SimpleQuantity")] }],
        };
        var typed = D("Observation.value[x]") with { Types = [new TypeRefInfo { Code = "Quantity", Profiles = [simple.Url] }] };
        var result = Generate(Profile("p", "Observation", D("Observation"), typed), simple);
        Assert.Empty(result.Issues);
        var value = result.Element("Observation.value[x]");
        Assert.Equal(["ele-1", "sqty-1"], value.Constraints.Select(c => c.Key));
        Assert.Equal([simple.Url], value.Types.Single().Profiles);
    }

    [Fact]
    public void A_system_typed_element_accepts_the_fhir_type_its_extension_names()
    {
        var extension = MiniDefinitions.Extension with
        {
            Snapshot = [.. MiniDefinitions.Extension.Snapshot.Select(e => e.Path == "Extension.url"
                ? e with { Types = [new TypeRefInfo { Code = "http://hl7.org/fhirpath/System.String", FhirTypeExtension = "uri" }] }
                : e)],
        };
        var profile = Profile("ext", "Extension", D("Extension"), D("Extension.url") with { Types = [new TypeRefInfo { Code = "uri" }] });
        var result = new FhirGateway.Fhir.Definitions.Snapshots.SnapshotGenerator(
            c => c == extension.Url ? extension : Lookup(profile)(c)).Generate(profile);
        Assert.Empty(result.Issues);
        Assert.Equal("uri", result.Element("Extension.url").Types.Single().Code);
    }

    [Fact]
    public void A_specialization_renames_the_base_root_and_adds_its_own_elements_with_the_element_constraints()
    {
        var element = Type("Element", "complex-type", E("Element", 0, "*"), E("Element.id", 0, "1", "string"), E("Element.extension", 0, "*", "Extension"));
        var model = new StructureDefinitionInfo
        {
            Url = "http://example.org/fhir/StructureDefinition/MyModel",
            Name = "MyModel",
            Kind = "logical",
            Type = "MyModel",
            BaseDefinition = element.Url,
            Derivation = "specialization",
            Differential = [D("MyModel"), D("MyModel.name") with { Min = 1, Max = "1", Types = [new TypeRefInfo { Code = "string" }] },
                D("MyModel.part") with { Min = 0, Max = "*" }, D("MyModel.part.code") with { Min = 1, Max = "1", Types = [new TypeRefInfo { Code = "Coding" }] }],
        };
        var result = Generate(model, element);
        Assert.Empty(result.Issues);
        Assert.Equal(["MyModel", "MyModel.id", "MyModel.extension", "MyModel.name", "MyModel.part", "MyModel.part.code"], result.Ids());
        Assert.Equal(new ElementBaseInfo("Element.id", 0, "1"), result.Element("MyModel.id").Base);
        Assert.Equal(new ElementBaseInfo("MyModel.part.code", 1, "1"), result.Element("MyModel.part.code").Base);
        Assert.Equal(["ele-1"], result.Element("MyModel.name").Constraints.Select(c => c.Key));
    }
}
