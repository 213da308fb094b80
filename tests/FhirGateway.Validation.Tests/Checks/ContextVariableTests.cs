using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Checks;

/// <summary>
/// FHIR's FHIRPath context in invariants: <c>%resource</c> is the resource that holds the element (a contained resource
/// for its own elements), <c>%rootResource</c> its container; <c>is</c>/<c>as</c> see FHIR primitives as their System types.
/// </summary>
public sealed class ContextVariableTests
{
    private static readonly string StatusFromResource = Profile("status-from-resource", "Observation", """
        { "id": "Observation.code", "path": "Observation.code", "constraint": [ { "key": "res-1", "severity": "error", "human": "the resource is final", "expression": "%resource.status = 'final'" } ] }
        """);

    private static readonly string RootIsContainer = Profile("root-is-container", "Observation", """
        { "id": "Observation.code", "path": "Observation.code", "constraint": [ { "key": "root-1", "severity": "error", "human": "the root is the report", "expression": "%rootResource is DiagnosticReport and %resource is Observation" } ] }
        """);

    private static string ReportWithContained(string profile, string status) => $$"""
        { "resourceType": "DiagnosticReport", "id": "r", "contained": [ { "resourceType": "Observation", "id": "o", "meta": { "profile": [ "{{Base}}{{profile}}" ] },
          "status": "{{status}}", "code": { "text": "x" } } ], "status": "final", "code": { "text": "y" }, "result": [ { "reference": "#o" } ] }
        """;

    [Fact]
    public void Percent_resource_in_a_contained_resource_is_that_resource()
    {
        var validator = Validator(definitions: StatusFromResource);
        Assert.Empty(validator.Validate(ReportWithContained("status-from-resource", "final")).Errors());
        Assert.Contains(validator.Validate(ReportWithContained("status-from-resource", "preliminary")).Errors(), e => e.Message.Contains("res-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Percent_root_resource_in_a_contained_resource_is_its_container()
    {
        Assert.Empty(Validator(definitions: RootIsContainer).Validate(ReportWithContained("root-is-container", "final")).Errors());
    }

    [Fact]
    public void Is_Boolean_holds_for_a_FHIR_boolean_answer()
    {
        var profile = Profile("boolean-answer", "QuestionnaireResponse", """
            { "id": "QuestionnaireResponse.item.answer", "path": "QuestionnaireResponse.item.answer", "constraint": [ { "key": "bool-1", "severity": "error", "human": "a boolean", "expression": "value is Boolean and value.as(Boolean) = true and (value is System.Boolean) and value is FHIR.boolean" } ] }
            """);
        const string json = """{ "resourceType": "QuestionnaireResponse", "status": "completed", "item": [ { "linkId": "1", "answer": [ { "valueBoolean": true } ] } ] }""";
        Assert.Empty(Validator(definitions: profile).Validate(json, Base + "boolean-answer").Errors());
    }
}
