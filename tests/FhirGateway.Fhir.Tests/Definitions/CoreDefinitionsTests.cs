using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Fhir.Tests.Definitions;

public sealed class CoreDefinitionsTests
{
    private const string PatientUrl = "http://hl7.org/fhir/StructureDefinition/Patient";

    [Fact]
    public void Resolves_Patient_by_bare_url_and_by_url_with_version_to_the_same_instance()
    {
        var bare = CoreDefinitions.R4.FindStructureDefinition(PatientUrl);
        var versioned = CoreDefinitions.R4.FindStructureDefinition(PatientUrl + "|4.0.1");
        Assert.NotNull(bare);
        Assert.Same(bare, versioned);
        Assert.Equal("Patient", bare.Type);
        Assert.Equal("resource", bare.Kind);
        Assert.Equal("http://hl7.org/fhir/StructureDefinition/DomainResource", bare.BaseDefinition);
        Assert.Equal("4.0.1", bare.FhirVersion);
        Assert.True(bare.HasSnapshot);
        Assert.NotEmpty(bare.Differential);
    }

    [Fact]
    public void Unknown_version_or_url_resolves_to_nothing()
    {
        Assert.Null(CoreDefinitions.R4.FindStructureDefinition(PatientUrl + "|3.0.2"));
        Assert.Null(CoreDefinitions.R4.FindStructureDefinition("http://example.org/StructureDefinition/Nope"));
    }

    [Theory]
    [InlineData(DefinitionKind.StructureDefinition, 655)]
    [InlineData(DefinitionKind.ValueSet, 1317)]
    [InlineData(DefinitionKind.CodeSystem, 1062)]
    [InlineData(DefinitionKind.SearchParameter, 1400)]
    public void Core_lists_every_definition_of_each_kind(DefinitionKind kind, int expected)
    {
        Assert.Equal(expected, CoreDefinitions.R4.List(kind).Count());
    }

    [Fact]
    public void Every_listed_definition_resolves_by_its_canonical_even_when_the_url_holds_a_bar()
    {
        foreach (var kind in DefinitionKinds.All)
            foreach (var entry in CoreDefinitions.R4.List(kind))
                Assert.True(CoreDefinitions.R4.Find(kind, entry.Canonical) is not null, $"{entry} does not resolve");
        Assert.Equal("0006", CoreDefinitions.R4.FindCodeSystem("http://terminology.hl7.org/CodeSystem/v2-0006|2.1|0006")!.Version);
        Assert.NotNull(CoreDefinitions.R4.FindCodeSystem("http://terminology.hl7.org/CodeSystem/v2-0006|2.1"));
    }

    [Fact]
    public void Core_structure_definitions_include_types_resources_profiles_and_extensions()
    {
        var entries = CoreDefinitions.R4.List(DefinitionKind.StructureDefinition).ToList();
        Assert.Contains(entries, e => e.Type == "Extension" && e.Derivation == "constraint");
        Assert.Contains(entries, e => e.Url == "http://hl7.org/fhir/StructureDefinition/vitalsigns");
        Assert.Contains(entries, e => e.Url == "http://hl7.org/fhir/StructureDefinition/string");
    }

    [Fact]
    public void Patient_snapshot_keeps_cardinality_types_binding_constraints_and_flags()
    {
        var sd = CoreDefinitions.R4.FindStructureDefinition(PatientUrl)!;
        var gender = sd.Snapshot.Single(e => e.Path == "Patient.gender");
        Assert.Equal(0, gender.Min);
        Assert.Equal("1", gender.Max);
        Assert.Equal("code", Assert.Single(gender.Types).Code);
        Assert.Equal("required", gender.Binding!.Strength);
        Assert.Equal("http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1", gender.Binding.ValueSet);
        Assert.True(gender.IsSummary);

        var active = sd.Snapshot.Single(e => e.Path == "Patient.active");
        Assert.True(active.IsModifier);
        Assert.NotNull(active.IsModifierReason);

        var root = sd.Snapshot[0];
        var dom6 = root.Constraints.Single(c => c.Key == "dom-6");
        Assert.True(dom6.BestPractice);
        Assert.Equal("text.`div`.exists()", dom6.Expression);

        var link = sd.Snapshot.Single(e => e.Path == "Patient.link.other");
        Assert.Equal(["http://hl7.org/fhir/StructureDefinition/Patient", "http://hl7.org/fhir/StructureDefinition/RelatedPerson"],
            Assert.Single(link.Types).TargetProfiles);
    }

    [Fact]
    public void Profiles_keep_slicing_slice_names_and_fixed_values_as_typed_json()
    {
        var vitals = CoreDefinitions.R4.FindStructureDefinition("http://hl7.org/fhir/StructureDefinition/bp")!;
        var sliced = vitals.Snapshot.First(e => e.Slicing is not null && e.Path == "Observation.component");
        Assert.Equal("open", sliced.Slicing!.Rules);
        Assert.Equal([new DiscriminatorInfo("value", "code.coding.code"), new DiscriminatorInfo("value", "code.coding.system")], sliced.Slicing.Discriminators);
        var systolic = vitals.Snapshot.Single(e => e.Id == "Observation.component:SystolicBP.code.coding:SBPCode.code");
        Assert.Equal(new FhirValue("code", "\"8480-6\""), systolic.Fixed);
        Assert.Equal("SystolicBP", vitals.Snapshot.Single(e => e.Id == "Observation.component:SystolicBP").SliceName);
    }

    [Fact]
    public void Value_sets_keep_compose_and_the_expansion_from_the_expansions_package()
    {
        var vs = CoreDefinitions.R4.FindValueSet("http://hl7.org/fhir/ValueSet/administrative-gender")!;
        Assert.Equal("http://hl7.org/fhir/administrative-gender", Assert.Single(vs.Compose!.Include).System);
        Assert.NotNull(vs.Expansion);
        Assert.Equal(["male", "female", "other", "unknown"], vs.Expansion.Contains.Select(c => c.Code));
    }

    [Fact]
    public void Code_systems_keep_concepts_recursively_with_properties()
    {
        var cs = CoreDefinitions.R4.FindCodeSystem("http://hl7.org/fhir/administrative-gender")!;
        Assert.Equal("complete", cs.Content);
        Assert.Equal(["male", "female", "other", "unknown"], cs.Concepts.Select(c => c.Code));
        var v3 = CoreDefinitions.R4.FindCodeSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode")!;
        Assert.Contains(v3.Concepts, c => c.Concepts.Count > 0);
        Assert.Contains(v3.Concepts, c => c.Properties.Any(p => p.Code == "notSelectable" && p.Value.TypeCode == "boolean"));
    }

    [Fact]
    public void Search_parameters_keep_code_base_type_expression_and_target()
    {
        var sp = CoreDefinitions.R4.FindSearchParameter("http://hl7.org/fhir/SearchParameter/Observation-subject")!;
        Assert.Equal("subject", sp.Code);
        Assert.Equal(["Observation"], sp.Base);
        Assert.Equal("reference", sp.Type);
        Assert.Equal("Observation.subject", sp.Expression);
        Assert.Contains("Patient", sp.Target);
    }
}
