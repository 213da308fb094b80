using FhirGateway.Fhir.Issues;
using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Checks;

/// <summary>Bindings through the terminology service (a fake here): required, extensible, undecided.</summary>
public sealed class BindingTests
{
    private const string ValueSet = "http://example.org/fhir/ValueSet/units";

    private static readonly FakeTerminology Terminology = new(new()
    {
        [ValueSet] = [("http://unitsofmeasure.org", "mg/L"), ("http://unitsofmeasure.org", "pg/mL")],
        ["http://hl7.org/fhir/ValueSet/observation-status"] = [("http://hl7.org/fhir/observation-status", "final")],
    });

    private static string Profile(string strength) => TestDefinitions.Profile("bound-" + strength, "Observation",
        """{ "id": "Observation.value[x]", "path": "Observation.value[x]", "type": [ { "code": "Quantity" } ] }""",
        $$"""{ "id": "Observation.value[x].code", "path": "Observation.value[x].code", "binding": { "strength": "{{strength}}", "valueSet": "{{ValueSet}}" } }""",
        $$"""{ "id": "Observation.category", "path": "Observation.category", "binding": { "strength": "{{strength}}", "valueSet": "{{ValueSet}}" } }""");

    private static ValidationResult Validate(string strength, string unit, string system = "http://unitsofmeasure.org") =>
        Validator(new ValidatorOptions(), Terminology, Profile(strength)).Validate($$"""
            { "resourceType": "Observation", "status": "final", "code": { "text": "x" },
              "category": [ { "coding": [ { "system": "{{system}}", "code": "{{unit}}" } ] } ],
              "valueQuantity": { "value": 1, "system": "{{system}}", "code": "{{unit}}" } }
            """, Base + "bound-" + strength);

    [Fact]
    public void A_code_outside_a_required_value_set_is_an_error()
    {
        var result = Validate("required", "cm");
        Assert.Contains(("val-binding-required", "Observation.category[0].coding[0]"), result.ErrorCodes());
        Assert.Contains(("val-binding-required", "Observation.valueQuantity.code"), result.ErrorCodes());
    }

    [Fact]
    public void A_code_inside_the_value_set_passes() => Assert.Empty(Validate("required", "mg/L").Errors());

    [Fact]
    public void A_code_outside_an_extensible_value_set_is_a_warning()
    {
        var result = Validate("extensible", "cm");
        Assert.Empty(result.Errors());
        Assert.All(result.Issues.Where(i => i.Code == "val-binding-extensible"), i => Assert.Equal(IssueSeverity.Warning, i.Severity));
        Assert.Contains(result.Issues, i => i.Code == "val-binding-extensible");
    }

    [Fact]
    public void Preferred_and_example_bindings_check_nothing()
    {
        var terminology = new FakeTerminology(new());
        Validator(new ValidatorOptions(), terminology, Profile("preferred")).Validate(
            """{ "resourceType": "Observation", "status": "final", "code": { "text": "x" }, "valueQuantity": { "value": 1, "code": "cm" } }""", Base + "bound-preferred");
        Assert.DoesNotContain(terminology.Calls, c => c.ValueSet == ValueSet);
    }

    [Fact]
    public void A_code_the_service_cannot_decide_is_information_and_never_an_error()
    {
        var result = Validate("required", "cm", FakeTerminology.UnheldSystem);
        Assert.Empty(result.Errors());
        Assert.Equal(IssueSeverity.Information, result.Issues.First(i => i.Code == "val-binding-undecided").Severity);
    }

    [Fact]
    public void Core_required_bindings_go_through_the_service()
    {
        var result = Validator(new ValidatorOptions(), Terminology).Validate("""{ "resourceType": "Observation", "status": "final", "code": { "text": "x" } }""");
        Assert.Contains(Terminology.Calls, c => c.ValueSet.StartsWith("http://hl7.org/fhir/ValueSet/observation-status", StringComparison.Ordinal) && c.Code == "final");
        Assert.Empty(result.Errors());
    }
}
