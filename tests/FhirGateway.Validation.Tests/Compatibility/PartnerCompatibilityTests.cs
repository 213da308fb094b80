using System.Text;
using System.Text.Json;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Validation.Compatibility;

namespace FhirGateway.Validation.Tests.Compatibility;

public sealed class PartnerCompatibilityTests
{
    private static PartnerValidatorIncompatibility Entry(string when, string type = "Patient") => new()
    {
        Id = "test", Validator = "Some validator", Software = ["acme"], ResourceType = type, Rule = "pat-x", When = when,
        PartnerVerdict = "error", GatewayVerdict = "valid", Right = "gateway", Effect = "rejects inactive patients", Cause = "c", Spec = "s",
    };

    private static ElementNode Parse(string json) => new FhirJsonParser(StructureTypeModel.R4Core).Parse(Encoding.UTF8.GetBytes(json)).Root!;

    [Fact]
    public void Warns_exactly_where_an_entry_s_when_holds_on_a_resource_of_its_type()
    {
        var compatibility = new PartnerCompatibility(StructureTypeModel.R4Core, [Entry("active = false")]);

        var issue = Assert.Single(compatibility.Check(Parse("""{"resourceType":"Patient","active":false}""")));
        Assert.Equal((IssueCatalogue.CompatPartnerValidator.Id, IssueSeverity.Warning, "Patient"), (issue.Code, issue.Severity, issue.Expression));
        Assert.Contains("Some validator rejects this Patient: it rejects inactive patients (pat-x; known incompatibility test", issue.Message, StringComparison.Ordinal);
        Assert.Empty(compatibility.Check(Parse("""{"resourceType":"Patient","active":true}""")));
        Assert.Empty(compatibility.Check(Parse("""{"resourceType":"Patient"}""")));
        Assert.Empty(compatibility.Check(Parse("""{"resourceType":"Group","type":"person","actual":false}""")));
    }

    [Fact]
    public void An_entry_whose_when_does_not_compile_warns_rather_than_hides()
    {
        var compatibility = new PartnerCompatibility(StructureTypeModel.R4Core, [Entry("active = = false")]);
        Assert.Single(compatibility.Check(Parse("""{"resourceType":"Patient","active":true}""")));
    }

    [Fact]
    public void A_partner_runs_the_validator_when_its_software_name_contains_a_listed_word_in_any_case()
    {
        Assert.True(Entry("true").RunsOn("ACME FHIR Server 2.1"));
        Assert.False(Entry("true").RunsOn("HAPI FHIR Server"));
        Assert.False(Entry("true").RunsOn(null));
    }

    [Fact]
    public void The_shipped_list_reads_and_every_when_compiles()
    {
        Assert.NotEmpty(PartnerValidatorIncompatibilities.All);
        var compiler = new FhirGateway.FhirPath.FhirPathCompiler(StructureTypeModel.R4Core);
        Assert.All(PartnerValidatorIncompatibilities.All, k => compiler.Compile(k.When, k.ResourceType));
        Assert.All(PartnerValidatorIncompatibilities.All, k => Assert.Contains(k.Right, new[] { "gateway", "partner" }));
    }

    [Fact]
    public void A_list_with_an_unknown_field_is_refused()
    {
        Assert.ThrowsAny<JsonException>(() => PartnerValidatorIncompatibilities.Read("""{"incompatibilities":[{"id":"x","colour":"red"}]}"""u8));
    }
}
