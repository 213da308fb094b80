using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.Fhir.Tests.Serialization.Json;

/// <summary>The JSON reader over the real R4 core type model: the rules that depend on what the definitions say.</summary>
public sealed class R4ModelJsonTests
{
    private static readonly FhirJsonParser Parser = new(StructureTypeModel.R4Core);

    [Fact]
    public void PositiveInt_and_unsignedInt_are_json_numbers_through_their_base_type_integer()
    {
        var result = Parser.Parse("""
            {"resourceType":"MedicationRequest","status":"active","intent":"order","subject":{"reference":"Patient/p"},
             "dispenseRequest":{"numberOfRepeatsAllowed":0},"dosageInstruction":[{"timing":{"repeat":{"frequency":3}}}]}
            """);
        Assert.Empty(result.Issues);
        var asString = Parser.Parse("""{"resourceType":"MedicationRequest","dispenseRequest":{"numberOfRepeatsAllowed":"0"}}""");
        Assert.Equal(IssueCatalogue.JsonWrongValueKind.Id, Assert.Single(asString.Issues).Code);
    }

    [Fact]
    public void Reads_parameters_resources_and_element_ids_from_the_definitions()
    {
        var result = Parser.Parse("""
            {"resourceType":"Parameters","parameter":[{"name":"p","resource":{"resourceType":"Patient","id":"x","_id":{"extension":[{"url":"u","valueCode":"c"}]}}},
             {"id":"e1","name":"q","valueDecimal":2.50}]}
            """);
        Assert.Empty(result.Issues);
        var root = result.Root!;
        var patient = root.Children[0].Child("resource")!;
        Assert.True(patient.IsResource);
        Assert.Equal("Patient", patient.InstanceType);
        Assert.Equal("c", patient.Child("id")!.Child("extension")!.Child("value")!.Text);
        var second = root.Children[1];
        Assert.Equal("e1", second.Child("id")!.Text);
        Assert.Equal("2.50", second.Child("value")!.Text);
        Assert.Equal("Parameters.parameter[1].valueDecimal", second.Child("value")!.Location);
    }

    [Fact]
    public void Rejects_a_companion_on_element_id_and_extension_url()
    {
        var result = Parser.Parse("""{"resourceType":"Patient","name":[{"id":"n","_id":{"extension":[{"url":"u","valueCode":"c"}]}}]}""");
        Assert.Equal(IssueCatalogue.JsonCompanionNotAllowed.Id, Assert.Single(result.Issues).Code);
    }

    [Theory]
    [InlineData("vitalsigns")]
    [InlineData("bp")]
    [InlineData("Resource")]
    [InlineData("DomainResource")]
    [InlineData("Observation.component")]
    [InlineData("http://hl7.org/fhir/StructureDefinition/Patient")]
    public void Accepts_only_concrete_resource_type_names_as_resource_type(string name)
    {
        var result = Parser.Parse($$"""{"resourceType":"{{name}}"}""");
        Assert.Null(result.Root);
        Assert.Equal(IssueCatalogue.JsonUnknownResourceType.Id, Assert.Single(result.Issues).Code);
    }
}
