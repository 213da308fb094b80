using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Checks;

/// <summary>The FHIRPath functions that need the validator: memberOf(), elementDefinition(), slice() and conformsTo() in profile invariants.</summary>
public sealed class ValidatorContextTests
{
    private const string ValueSet = "http://example.org/fhir/ValueSet/statuses";

    private static string Invariant(string name, string path, string expression) => Profile(name, "Observation", $$"""
        { "id": "{{path}}", "path": "{{path}}", "constraint": [ { "key": "t-1", "severity": "error", "human": "test", "expression": "{{expression}}" } ] }
        """);

    private static ValidationResult Observation(string profile, string extra = "") => Validator(
            new ValidatorOptions { BestPractice = BestPracticeHandling.Ignore },
            new FakeTerminology(new()
            {
                [ValueSet] = [("http://hl7.org/fhir/observation-status", "final")],
                ["http://example.org/fhir/ValueSet/other"] = [("http://hl7.org/fhir/observation-status", "preliminary")],
            }),
            profile)
        .Validate($$"""{ "resourceType": "Observation", "status": "final", "code": { "text": "x" } {{extra}} }""", UrlOf(profile));

    [Fact]
    public void MemberOf_asks_the_terminology_service()
    {
        Assert.Empty(Observation(Invariant("member", "Observation", $"status.memberOf('{ValueSet}')")).Errors());
        Assert.Contains(Observation(Invariant("not-member", "Observation", "status.memberOf('http://example.org/fhir/ValueSet/other')")).Errors(),
            e => e.Code == "val-invariant-failed");
    }

    [Fact]
    public void ElementDefinition_gives_the_definition_the_element_is_validated_against()
    {
        var profile = Profile("element-definition", "Observation",
            """{ "id": "Observation.code", "path": "Observation.code", "short": "The CRP code", "constraint": [ { "key": "t-1", "severity": "error", "human": "test", "expression": "elementDefinition().short = 'The CRP code'" } ] }""");
        Assert.Empty(Observation(profile).Errors());
    }

    [Fact]
    public void Slice_matches_an_element_against_a_slice_of_a_structure()
    {
        var profile = Profile("sliced-category", "Observation",
            """{ "id": "Observation", "path": "Observation", "constraint": [ { "key": "t-1", "severity": "error", "human": "test", "expression": "category.where(slice('http://example.org/fhir/StructureDefinition/sliced-category', 'lab')).exists()" } ] }""",
            """{ "id": "Observation.category", "path": "Observation.category", "slicing": { "discriminator": [ { "type": "pattern", "path": "$this" } ], "rules": "open" } }""",
            """{ "id": "Observation.category:lab", "path": "Observation.category", "sliceName": "lab", "patternCodeableConcept": { "coding": [ { "code": "laboratory" } ] } }""");
        Assert.Empty(Observation(profile, """, "category": [ { "coding": [ { "code": "laboratory" } ] } ]""").Errors());
        Assert.Contains(Observation(profile, """, "category": [ { "coding": [ { "code": "imaging" } ] } ]""").Errors(), e => e.Message.Contains("t-1", StringComparison.Ordinal));
    }

    [Fact]
    public void ConformsTo_validates_against_the_named_profile()
    {
        var subject = Profile("with-subject", "Observation", """{ "id": "Observation.subject", "path": "Observation.subject", "min": 1 }""");
        var profile = Profile("conforms", "Observation", $$"""
            { "id": "Observation", "path": "Observation", "constraint": [ { "key": "t-1", "severity": "error", "human": "test", "expression": "conformsTo('{{Base}}with-subject')" } ] }
            """);
        var validator = Validator(new ValidatorOptions { BestPractice = BestPracticeHandling.Ignore }, null, subject, profile);
        Assert.Empty(validator.Validate("""{ "resourceType": "Observation", "status": "final", "code": { "text": "x" }, "subject": { "display": "A" } }""", Base + "conforms").Errors());
        Assert.Contains(validator.Validate("""{ "resourceType": "Observation", "status": "final", "code": { "text": "x" } }""", Base + "conforms").Errors(),
            e => e.Message.Contains("t-1", StringComparison.Ordinal));
    }
}
