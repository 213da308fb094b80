using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Checks;

/// <summary>Cardinality, types and choice types, against core and against differential-only profiles.</summary>
public sealed class StructureTests
{
    private static readonly string PatientProfile = Profile("card-patient", "Patient",
        """{ "id": "Patient.name", "path": "Patient.name", "min": 1, "max": "1" }""",
        """{ "id": "Patient.birthDate", "path": "Patient.birthDate", "max": "0" }""");

    [Fact]
    public void Fails_when_a_required_element_is_missing_with_the_parent_as_location()
    {
        var result = Validator().Validate("""{ "resourceType": "Observation", "code": { "text": "x" } }""");
        var issue = Assert.Single(result.Errors());
        Assert.Equal(("val-cardinality-min", "Observation"), (issue.Code, issue.Expression));
        Assert.Contains("Observation.status", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_when_count_exceeds_the_profile_maximum()
    {
        var result = Validator(definitions: PatientProfile).Validate(
            """{ "resourceType": "Patient", "name": [ { "family": "A" }, { "family": "B" } ] }""", Base + "card-patient");
        Assert.Equal([("val-cardinality-max", "Patient")], result.ErrorCodes());
    }

    [Fact]
    public void Fails_when_a_profile_forbids_an_element_and_passes_when_it_is_absent()
    {
        var validator = Validator(definitions: PatientProfile);
        Assert.Equal([("val-cardinality-max", "Patient")],
            validator.Validate("""{ "resourceType": "Patient", "name": [ { "family": "A" } ], "birthDate": "1970" }""", Base + "card-patient").ErrorCodes());
        Assert.Empty(validator.Validate("""{ "resourceType": "Patient", "name": [ { "family": "A" } ] }""", Base + "card-patient").Errors());
    }

    [Fact]
    public void Fails_when_a_profile_narrows_a_choice_and_the_instance_uses_another_type()
    {
        var profile = Profile("obs-quantity", "Observation", """{ "id": "Observation.value[x]", "path": "Observation.value[x]", "type": [ { "code": "Quantity" } ] }""");
        var result = Validator(definitions: profile).Validate(
            """{ "resourceType": "Observation", "status": "final", "code": { "text": "x" }, "valueString": "high" }""", Base + "obs-quantity");
        var issue = Assert.Single(result.Errors());
        Assert.Equal(("val-type-not-allowed", "Observation.valueString"), (issue.Code, issue.Expression));
    }

    [Fact]
    public void Reports_the_location_with_indexes_and_the_line_and_column()
    {
        var result = Validator().Validate("""
            {
              "resourceType": "Observation", "status": "final", "code": { "text": "x" },
              "component": [
                { "code": { "text": "a" } },
                { "valueString": "b" }
              ]
            }
            """);
        var issue = Assert.Single(result.Errors());
        Assert.Equal(("val-cardinality-min", "Observation.component[1]"), (issue.Code, issue.Expression));
        Assert.Equal((5, 5), (issue.Line, issue.Column));
    }

    [Fact]
    public void An_unknown_requested_profile_is_an_error_and_an_unknown_declared_one_a_warning()
    {
        var validator = Validator();
        var requested = validator.Validate("""{ "resourceType": "Basic", "code": { "text": "x" } }""", "http://example.org/nowhere");
        Assert.Equal([("val-profile-requested-unknown", "Basic")], requested.ErrorCodes());
        var declared = validator.Validate("""{ "resourceType": "Basic", "meta": { "profile": [ "http://example.org/nowhere" ] }, "code": { "text": "x" } }""");
        Assert.Empty(declared.Errors());
        Assert.Equal("Basic.meta.profile[0]", declared.Single("val-profile-unknown").Expression);
    }

    [Fact]
    public void Validates_against_each_declared_profile_that_is_known()
    {
        var result = Validator(definitions: PatientProfile).Validate(
            $$"""{ "resourceType": "Patient", "meta": { "profile": [ "{{Base}}card-patient" ] }, "birthDate": "1970" }""");
        Assert.Equal(["val-cardinality-max", "val-cardinality-min"], result.Errors().Select(e => e.Code).Order());
    }

    [Fact]
    public void A_profile_for_another_type_is_an_error()
    {
        var result = Validator(definitions: PatientProfile).Validate("""{ "resourceType": "Basic", "code": { "text": "x" } }""", Base + "card-patient");
        Assert.Equal([("val-profile-wrong-type", "Basic")], result.ErrorCodes());
    }

    [Fact]
    public void Contained_resources_and_bundle_entries_are_validated_as_resources()
    {
        var result = Validator().Validate("""
            {
              "resourceType": "Bundle", "type": "collection",
              "entry": [ { "fullUrl": "urn:uuid:6b2b2c3e-6c1b-4b5e-9d4a-0a1b2c3d4e5f", "resource": {
                "resourceType": "Patient", "id": "p1",
                "contained": [ { "resourceType": "Observation", "id": "o1", "code": { "text": "x" } } ],
                "generalPractitioner": [ { "reference": "#o1" } ]
              } } ]
            }
            """);
        Assert.Contains(result.Errors(), e => e.Code == "val-cardinality-min" && e.Expression == "Bundle.entry[0].resource.contained[0]");
    }
}
