using FhirGateway.Fhir.Issues;
using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Checks;

/// <summary>Reference format, resolution (contained, Bundle, resolver) and target types.</summary>
public sealed class ReferenceTests
{
    private const string Uuid = "urn:uuid:0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    private static string Bundle(string subjectReference, string patientFullUrl = Uuid) => $$"""
        { "resourceType": "Bundle", "type": "transaction", "entry": [
          { "fullUrl": "{{patientFullUrl}}", "resource": { "resourceType": "Patient" }, "request": { "method": "POST", "url": "Patient" } },
          { "fullUrl": "urn:uuid:1f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", "resource": { "resourceType": "Observation", "status": "final", "code": { "text": "x" },
            "subject": { "reference": "{{subjectReference}}" } }, "request": { "method": "POST", "url": "Observation" } } ] }
        """;

    [Fact]
    public void Fails_when_a_contained_reference_names_no_contained_resource()
    {
        var result = Validator().Validate("""{ "resourceType": "Observation", "status": "final", "code": { "text": "x" }, "subject": { "reference": "#missing" } }""");
        Assert.Contains(("val-reference-contained-missing", "Observation.subject"), result.ErrorCodes());
    }

    [Fact]
    public void Resolves_a_urn_uuid_reference_to_a_bundle_entry()
    {
        Assert.Empty(Validator().Validate(Bundle(Uuid)).Errors());
    }

    [Fact]
    public void A_urn_uuid_no_entry_carries_is_a_warning_or_what_the_policy_says()
    {
        var json = Bundle("urn:uuid:99999999-4b5a-4968-8776-a5b4c3d2e1f0");
        Assert.Equal(IssueSeverity.Warning, Validator().Validate(json).Single("val-reference-in-bundle-missing").Severity);
        Assert.Equal([("val-reference-in-bundle-missing", "Bundle.entry[1].resource.subject")],
            Validator(new ValidatorOptions { UnresolvedReferenceSeverity = IssueSeverity.Error }).Validate(json).ErrorCodes());
    }

    [Fact]
    public void Fails_when_a_resolved_target_is_of_a_type_the_element_does_not_allow()
    {
        var json = Bundle(Uuid).Replace("\"resourceType\": \"Patient\"", "\"resourceType\": \"Medication\"");
        Assert.Equal([("val-reference-target-type", "Bundle.entry[1].resource.subject")], Validator().Validate(json).ErrorCodes());
    }

    [Fact]
    public void A_wrong_type_named_only_by_an_unresolved_url_is_a_warning_by_default()
    {
        const string json = """{ "resourceType": "Observation", "status": "final", "code": { "text": "x" }, "subject": { "reference": "Medication/1" } }""";
        Assert.Equal(IssueSeverity.Warning, Validator().Validate(json).Single("val-reference-target-type").Severity);
        Assert.Single(Validator(new ValidatorOptions { ReferenceTypeFromUrlSeverity = IssueSeverity.Error }).Validate(json).Errors());
    }

    [Theory]
    [InlineData("Patient 1", "val-reference-format")]
    [InlineData("Chicken/1", "val-reference-format")]
    public void Fails_for_a_malformed_reference(string reference, string code)
    {
        var result = Validator().Validate($$"""{ "resourceType": "Observation", "status": "final", "code": { "text": "x" }, "subject": { "reference": "{{reference}}" } }""");
        Assert.Equal([(code, "Observation.subject")], result.ErrorCodes());
    }

    [Fact]
    public void Unresolved_relative_references_are_reported_only_when_the_options_ask()
    {
        const string json = """{ "resourceType": "Observation", "status": "final", "code": { "text": "x" }, "subject": { "reference": "Patient/77" } }""";
        Assert.DoesNotContain(Validator().Validate(json).Issues, i => i.Code == "val-reference-unresolved");
        var strict = Validator(new ValidatorOptions { UnresolvedReferenceSeverity = IssueSeverity.Error });
        Assert.Equal([("val-reference-unresolved", "Observation.subject")], strict.Validate(json).ErrorCodes());
    }

    [Fact]
    public void Indexes_a_large_bundle_once_so_every_reference_resolves()
    {
        var entries = string.Join(",", Enumerable.Range(1, 300).Select(i => $$"""
            { "fullUrl": "urn:uuid:00000000-0000-4000-8000-{{i:D12}}", "resource": { "resourceType": "Observation", "status": "final", "code": { "text": "x" },
              "subject": { "reference": "{{Uuid}}" } }, "request": { "method": "POST", "url": "Observation" } }
            """));
        var json = $$"""
            { "resourceType": "Bundle", "type": "transaction", "entry": [
              { "fullUrl": "{{Uuid}}", "resource": { "resourceType": "Patient" }, "request": { "method": "POST", "url": "Patient" } }, {{entries}} ] }
            """;
        Assert.Empty(Validator().Validate(json).Errors());
    }
}
