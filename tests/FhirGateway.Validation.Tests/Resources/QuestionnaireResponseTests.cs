using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Resources;

/// <summary>A QuestionnaireResponse against its Questionnaire, found through the resolver or as a contained resource.</summary>
public sealed class QuestionnaireResponseTests
{
    private const string Url = "http://example.org/fhir/Questionnaire/intake";

    private const string Questionnaire = """
        { "resourceType": "Questionnaire", "url": "http://example.org/fhir/Questionnaire/intake", "status": "active", "item": [
          { "linkId": "age", "type": "integer", "required": true,
            "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 18 } ] },
          { "linkId": "course", "type": "choice", "answerOption": [ { "valueCoding": { "system": "http://snomed.info/sct", "code": "426373005" } } ] },
          { "linkId": "notes", "type": "string", "maxLength": 5,
            "enableWhen": [ { "question": "course", "operator": "exists", "answerBoolean": true } ] } ] }
        """;

    private static ValidationResult Validate(string items, string status = "completed")
    {
        var questionnaire = new FhirValidator(Fhir.Definitions.CoreDefinitions.R4).Parse(System.Text.Encoding.UTF8.GetBytes(Questionnaire)).Root!;
        var validator = Validator(new ValidatorOptions { BestPractice = BestPracticeHandling.Ignore, Resolver = r => r == Url ? questionnaire : null });
        return validator.Validate($$"""{ "resourceType": "QuestionnaireResponse", "questionnaire": "{{Url}}", "status": "{{status}}", "item": [ {{items}} ] }""");
    }

    private const string Age = """{ "linkId": "age", "answer": [ { "valueInteger": 40 } ] }""";

    [Fact]
    public void Answers_that_fit_the_questionnaire_pass()
    {
        Assert.Empty(Validate(Age + """, { "linkId": "course", "answer": [ { "valueCoding": { "system": "http://snomed.info/sct", "code": "426373005" } } ] }, { "linkId": "notes", "answer": [ { "valueString": "ok" } ] }""").Errors());
    }

    [Fact]
    public void A_required_item_without_answer_is_an_error_once_completed_and_a_warning_before()
    {
        Assert.Equal([("val-qr-required-missing", "QuestionnaireResponse")], Validate("""{ "linkId": "course" }""").ErrorCodes().Take(1).ToList());
        Assert.Equal(IssueSeverity.Warning, Validate("""{ "linkId": "course" }""", "in-progress").Single("val-qr-required-missing").Severity);
    }

    [Fact]
    public void Fails_for_an_unknown_link_id_a_wrong_answer_type_and_a_value_below_the_minimum()
    {
        Assert.Contains(("val-qr-item-not-found", "QuestionnaireResponse.item[1]"), Validate(Age + """, { "linkId": "nope", "answer": [ { "valueString": "x" } ] }""").ErrorCodes());
        Assert.Equal([("val-qr-answer-type", "QuestionnaireResponse.item[0].answer[0].valueString")], Validate("""{ "linkId": "age", "answer": [ { "valueString": "40" } ] }""").ErrorCodes());
        Assert.Equal([("val-min-value", "QuestionnaireResponse.item[0].answer[0].valueInteger")], Validate("""{ "linkId": "age", "answer": [ { "valueInteger": 12 } ] }""").ErrorCodes());
    }

    [Fact]
    public void Fails_for_an_answer_outside_the_options_and_a_string_over_max_length()
    {
        var result = Validate(Age + """, { "linkId": "course", "answer": [ { "valueCoding": { "system": "http://snomed.info/sct", "code": "425500002" } } ] }, { "linkId": "notes", "answer": [ { "valueString": "too long" } ] }""");
        Assert.Equal(["val-max-length", "val-qr-answer-option"], result.Errors().Select(e => e.Code).Order());
    }

    [Fact]
    public void An_answer_to_a_disabled_item_is_an_error()
    {
        Assert.Contains(("val-qr-not-enabled", "QuestionnaireResponse.item[1]"), Validate(Age + """, { "linkId": "notes", "answer": [ { "valueString": "x" } ] }""").ErrorCodes());
    }

    [Fact]
    public void An_enable_when_inside_a_repeating_group_looks_at_the_answer_in_the_same_repetition()
    {
        const string nested = """
            { "resourceType": "Questionnaire", "url": "http://example.org/fhir/Questionnaire/nested", "status": "active", "item": [
              { "linkId": "group", "type": "group", "repeats": true, "item": [
                { "linkId": "condition", "type": "boolean" },
                { "linkId": "detail", "type": "boolean", "required": true,
                  "enableWhen": [ { "question": "condition", "operator": "=", "answerBoolean": true } ] } ] } ] }
            """;
        var questionnaire = new FhirValidator(Fhir.Definitions.CoreDefinitions.R4).Parse(System.Text.Encoding.UTF8.GetBytes(nested)).Root!;
        var validator = Validator(new ValidatorOptions { BestPractice = BestPracticeHandling.Ignore, Resolver = r => r == "http://example.org/fhir/Questionnaire/nested" ? questionnaire : null });
        static string Group(bool condition, bool detail) => $$"""{ "linkId": "group", "item": [ { "linkId": "condition", "answer": [ { "valueBoolean": {{(condition ? "true" : "false")}} } ] }{{(detail ? """, { "linkId": "detail", "answer": [ { "valueBoolean": true } ] }""" : "")}} ] }""";
        var result = validator.Validate($$"""
            { "resourceType": "QuestionnaireResponse", "questionnaire": "http://example.org/fhir/Questionnaire/nested", "status": "completed",
              "item": [ {{Group(true, true)}}, {{Group(false, true)}}, {{Group(true, false)}}, {{Group(false, false)}} ] }
            """);
        Assert.Equal([("val-qr-not-enabled", "QuestionnaireResponse.item[1].item[1]"), ("val-qr-required-missing", "QuestionnaireResponse.item[2]")],
            result.ErrorCodes().Order().ToList());
    }

    [Fact]
    public void An_unknown_questionnaire_is_a_warning()
    {
        var result = Validator(new ValidatorOptions { BestPractice = BestPracticeHandling.Ignore }).Validate(
            """{ "resourceType": "QuestionnaireResponse", "questionnaire": "http://example.org/none", "status": "completed" }""");
        Assert.Empty(result.Errors());
        Assert.Equal("QuestionnaireResponse.questionnaire", result.Single("val-qr-questionnaire-unknown").Expression);
    }
}
