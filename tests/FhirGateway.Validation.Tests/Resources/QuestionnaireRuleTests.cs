using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Resources;

/// <summary>The rules R4 states for Questionnaires that their StructureDefinition cannot: what an enableWhen may depend on.</summary>
public sealed class QuestionnaireRuleTests
{
    private static string Questionnaire(string question) => $$"""
        { "resourceType": "Questionnaire", "status": "draft", "item": [
          { "linkId": "first", "type": "boolean" },
          { "linkId": "group", "type": "group",
            "enableWhen": [ { "question": "{{question}}", "operator": "exists", "answerBoolean": true } ],
            "item": [ { "linkId": "inner", "type": "boolean" } ] } ] }
        """;

    [Fact]
    public void An_item_may_be_enabled_by_a_question_outside_it()
    {
        Assert.Empty(Validator().Validate(Questionnaire("first")).Errors());
    }

    [Fact]
    public void Fails_when_an_item_is_enabled_by_a_question_inside_it_or_by_itself()
    {
        Assert.Equal([("val-questionnaire-enablewhen-inner", "Questionnaire.item[1]")], Validator().Validate(Questionnaire("inner")).ErrorCodes());
        Assert.Equal([("val-questionnaire-enablewhen-inner", "Questionnaire.item[1]")], Validator().Validate(Questionnaire("group")).ErrorCodes());
    }
}
