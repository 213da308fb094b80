using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Tests.Model;

public sealed class StructureTypeModelTests
{
    private static readonly StructureTypeModel Model = StructureTypeModel.R4Core;

    [Fact]
    public void ValueQuantity_resolves_to_the_value_choice_with_type_Quantity()
    {
        var observation = Model.FindType("Observation")!;
        Assert.Equal(TypeKind.Resource, observation.Kind);
        Assert.True(observation.TryGetProperty("valueQuantity", out var match));
        Assert.Equal("value", match.Property.Name);
        Assert.Equal("Observation.value[x]", match.Property.Path);
        Assert.True(match.Property.IsChoice);
        Assert.Equal("Quantity", match.TypeCode);
        Assert.False(observation.TryGetProperty("valueFoo", out _));
        Assert.False(observation.TryGetProperty("value", out _));
    }

    [Fact]
    public void Component_is_a_collection_of_a_nested_backbone_whose_value_choice_resolves()
    {
        var component = Model.FindType("Observation")!.FindProperty("component")!;
        Assert.True(component.IsCollection);
        Assert.Equal(["BackboneElement"], component.TypeCodes);
        var nested = component.NestedType!;
        Assert.Equal("Observation.component", nested.Name);
        Assert.Equal(TypeKind.Backbone, nested.Kind);
        Assert.Equal("BackboneElement", nested.TypeCode);
        Assert.Equal("BackboneElement", nested.BaseTypeName);
        Assert.True(nested.TryGetProperty("valueCodeableConcept", out var match));
        Assert.Equal("Observation.component.value[x]", match.Property.Path);
        Assert.Same(nested, Model.FindType("Observation.component"));
    }

    [Fact]
    public void Properties_come_in_definition_order_without_slices()
    {
        var patient = Model.FindType("Patient")!;
        var names = patient.Properties.Select(p => p.Name).ToList();
        Assert.Equal(["id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension", "identifier"], names.Take(9));
        Assert.Equal(Enumerable.Range(0, names.Count), patient.Properties.Select(p => p.Order));
    }

    [Fact]
    public void Questionnaire_item_item_closes_into_a_cycle()
    {
        var item = Model.FindType("Questionnaire")!.FindProperty("item")!.NestedType!;
        var inner = item.FindProperty("item")!;
        Assert.Same(item, inner.NestedType);
        Assert.Same(item, inner.NestedType!.FindProperty("item")!.NestedType!.FindProperty("item")!.NestedType);
        Assert.Equal(["BackboneElement"], inner.TypeCodes);
        Assert.True(inner.IsCollection);
    }

    [Theory]
    [InlineData("string", "System.String")]
    [InlineData("decimal", "System.Decimal")]
    [InlineData("code", "System.String")]
    [InlineData("boolean", "System.Boolean")]
    [InlineData("dateTime", "System.DateTime")]
    public void Primitives_take_their_system_type_from_the_value_element(string type, string systemType)
    {
        var descriptor = Model.FindType(type)!;
        Assert.Equal(TypeKind.Primitive, descriptor.Kind);
        Assert.Equal(systemType, descriptor.SystemType);
        Assert.Null(descriptor.FindProperty("value"));
        Assert.Equal(["id", "extension"], descriptor.Properties.Select(p => p.Name));
    }

    [Fact]
    public void Primitive_carries_the_regex_of_its_value_element()
    {
        Assert.Equal("-?([0]|([1-9][0-9]*))", Model.FindType("integer")!.ValueRegex);
    }

    [Fact]
    public void Element_id_and_Extension_url_are_xml_attributes_typed_by_the_fhir_type_extension()
    {
        var id = Model.FindType("Element")!.FindProperty("id")!;
        Assert.True(id.IsXmlAttribute);
        Assert.Equal(["string"], id.TypeCodes);
        var url = Model.FindType("Extension")!.FindProperty("url")!;
        Assert.True(url.IsXmlAttribute);
        Assert.Equal(["uri"], url.TypeCodes);
    }

    [Fact]
    public void Resource_id_is_of_type_id_and_not_an_xml_attribute()
    {
        var id = Model.FindType("Resource")!.FindProperty("id")!;
        Assert.False(id.IsXmlAttribute);
        Assert.Equal(["id"], id.TypeCodes);
        Assert.Equal(["id"], Model.FindType("Patient")!.FindProperty("id")!.TypeCodes);
        Assert.Equal(["string"], Model.FindType("Element")!.FindProperty("id")!.TypeCodes);
    }

    [Fact]
    public void Narrative_div_is_xhtml_and_resource_slots_are_containers()
    {
        Assert.True(Model.FindType("Narrative")!.FindProperty("div")!.IsXhtml);
        Assert.True(Model.FindType("DomainResource")!.FindProperty("contained")!.IsResourceContainer);
        var entry = Model.FindType("Bundle.entry")!;
        Assert.True(entry.FindProperty("resource")!.IsResourceContainer);
        Assert.True(Model.FindType("Bundle.entry.response")!.FindProperty("outcome")!.IsResourceContainer);
        Assert.True(Model.FindType("Parameters.parameter")!.FindProperty("resource")!.IsResourceContainer);
        Assert.False(entry.FindProperty("fullUrl")!.IsResourceContainer);
    }

    [Fact]
    public void Inline_elements_of_data_types_are_backbones_typed_Element()
    {
        var repeat = Model.FindType("Timing")!.FindProperty("repeat")!;
        Assert.Equal("Timing.repeat", repeat.NestedType!.Name);
        Assert.Equal("Element", repeat.NestedType.TypeCode);
        Assert.True(repeat.NestedType.TryGetProperty("boundsPeriod", out _));
    }

    [Theory]
    [InlineData("Age", "Quantity", true)]
    [InlineData("Patient", "DomainResource", true)]
    [InlineData("Patient", "Resource", true)]
    [InlineData("Patient", "Patient", true)]
    [InlineData("Observation.component", "BackboneElement", true)]
    [InlineData("Observation.component", "Element", true)]
    [InlineData("Quantity", "Age", false)]
    [InlineData("Patient", "Observation", false)]
    [InlineData("Bundle", "DomainResource", false)]
    public void Subtypes_follow_the_base_definitions(string type, string ancestor, bool expected)
    {
        Assert.Equal(expected, Model.IsSameOrSubtype(type, ancestor));
    }

    [Theory]
    [InlineData("Resource")]
    [InlineData("DomainResource")]
    [InlineData("Element")]
    [InlineData("BackboneElement")]
    public void Abstract_types_are_findable(string name)
    {
        var type = Model.FindType(name)!;
        Assert.True(type.IsAbstract);
        Assert.Equal(name, type.Name);
    }

    [Fact]
    public void System_types_are_findable_with_kind_System()
    {
        var s = Model.FindType("System.String")!;
        Assert.Equal(TypeKind.System, s.Kind);
        Assert.Same(s, Model.FindType("http://hl7.org/fhirpath/System.String"));
        Assert.Equal(TypeKind.System, Model.FindType("System.Decimal")!.Kind);
    }

    [Fact]
    public void Unknown_types_are_null_and_descriptors_are_built_once()
    {
        Assert.Null(Model.FindType("NoSuchType"));
        Assert.Null(Model.FindType("Observation.noSuchBackbone"));
        Assert.Same(Model.FindType("Patient"), Model.FindType("Patient"));
        Assert.Same(Model.FindType("Patient"), Model.FindType("http://hl7.org/fhir/StructureDefinition/Patient"));
    }

    [Fact]
    public void Every_core_type_builds()
    {
        var names = Model.TypeNames.ToList();
        Assert.True(names.Count > 180, $"only {names.Count} types");
        foreach (var name in names) Assert.NotNull(Model.FindType(name));
    }
}

public sealed class StructureTypeModelSharingTests
{
    [Fact]
    public void Concurrent_first_requests_get_the_same_descriptors()
    {
        var model = new StructureTypeModel(FhirGateway.Fhir.Definitions.CoreDefinitions.R4);
        string[] names = ["Patient", "Observation", "Questionnaire.item", "Age", "string", "Bundle.entry"];
        var seen = new TypeDescriptor?[16, names.Length];
        Parallel.For(0, 16, i =>
        {
            for (var n = 0; n < names.Length; n++) seen[i, n] = model.FindType(names[n]);
        });
        for (var n = 0; n < names.Length; n++)
        {
            Assert.NotNull(seen[0, n]);
            for (var i = 1; i < 16; i++) Assert.Same(seen[0, n], seen[i, n]);
        }
    }

    [Fact]
    public void Bare_names_find_types_not_profiles_and_a_profile_url_gives_the_profiled_type()
    {
        var model = StructureTypeModel.R4Core;
        Assert.Null(model.FindType("bp"));
        Assert.Null(model.FindType("SimpleQuantity"));
        var bp = model.FindType("http://hl7.org/fhir/StructureDefinition/bp")!;
        Assert.Equal("Observation", bp.Name);
        Assert.Equal("http://hl7.org/fhir/StructureDefinition/bp", bp.Structure!.Url);
        Assert.NotSame(model.FindType("Observation"), bp);
        Assert.True(bp.FindProperty("component")!.NestedType!.TryGetProperty("valueQuantity", out _));
    }
}
