using FhirGateway.Fhir.Issues;
using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Checks;

/// <summary>Constraints evaluated by FHIRPath with their severity: core invariants and profile ones.</summary>
public sealed class InvariantTests
{
    [Fact]
    public void Reports_a_failing_core_invariant_with_its_key_and_error_severity()
    {
        var result = Validator().Validate("""{ "resourceType": "Patient", "contact": [ { "gender": "male" } ] }""");
        var issue = Assert.Single(result.Errors());
        Assert.Equal(("val-invariant-failed", "Patient.contact[0]"), (issue.Code, issue.Expression));
        Assert.StartsWith("Constraint pat-1 failed", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_ele_1_for_an_element_with_neither_value_nor_children()
    {
        var result = Validator().Validate("""{ "resourceType": "Patient", "_birthDate": { "id": "x" } }""");
        Assert.Contains(result.Errors(), e => e.Message.StartsWith("Constraint ele-1", StringComparison.Ordinal) && e.Expression == "Patient.birthDate");
    }

    [Fact]
    public void A_profile_invariant_of_severity_warning_is_a_warning()
    {
        var profile = Profile("named", "Patient", """
            { "id": "Patient", "path": "Patient", "constraint": [ { "key": "nm-1", "severity": "warning", "human": "should have a name", "expression": "name.exists()" } ] }
            """);
        var result = Validator(definitions: profile).Validate("""{ "resourceType": "Patient", "active": true }""", Base + "named");
        Assert.Empty(result.Errors());
        Assert.Equal(IssueSeverity.Warning, result.Single("val-invariant-failed").Severity);
    }

    [Fact]
    public void Best_practice_invariants_follow_the_options()
    {
        const string withoutNarrative = """{ "resourceType": "Basic", "code": { "text": "x" } }""";
        Assert.Contains(Validator(new ValidatorOptions()).Validate(withoutNarrative).Issues, i => i.Message.StartsWith("Constraint dom-6", StringComparison.Ordinal) && i.Severity == IssueSeverity.Warning);
        Assert.DoesNotContain(Validator(new ValidatorOptions { BestPractice = BestPracticeHandling.Ignore }).Validate(withoutNarrative).Issues, i => i.Message.Contains("dom-6", StringComparison.Ordinal));
        Assert.Contains(Validator(new ValidatorOptions { BestPractice = BestPracticeHandling.Error }).Validate(withoutNarrative).Errors(), i => i.Message.Contains("dom-6", StringComparison.Ordinal));
    }

    [Fact]
    public void Contained_resources_need_no_narrative_of_their_own()
    {
        var result = Validator(new ValidatorOptions()).Validate("""
            { "resourceType": "Basic", "text": { "status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>" },
              "contained": [ { "resourceType": "Patient", "id": "p" } ], "code": { "text": "x" }, "subject": { "reference": "#p" } }
            """);
        Assert.DoesNotContain(result.Issues, i => i.Message.Contains("dom-6", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluates_percent_resource_as_the_resource_whose_profile_is_being_checked()
    {
        var profile = Profile("ctx", "Bundle", """
            { "id": "Bundle.entry.resource", "path": "Bundle.entry.resource",
              "constraint": [ { "key": "ctx-1", "severity": "error", "human": "context", "expression": "%resource.type().name = 'Bundle'" } ] }
            """);
        var result = Validator(definitions: profile).Validate("""
            { "resourceType": "Bundle", "type": "collection", "entry": [ { "fullUrl": "urn:uuid:9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d", "resource": { "resourceType": "Patient" } } ] }
            """, Base + "ctx");
        Assert.Empty(result.Errors());
    }
}
