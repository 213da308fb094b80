using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Checks;

/// <summary>Regexes of the definitions (here a Questionnaire's regex extension): a verdict that no load or pattern can turn into "cannot tell".</summary>
public sealed class RegexPatternTests
{
    private static ValidationResult Answer(string regex, string answer) => Validator().Validate($$"""
        { "resourceType": "QuestionnaireResponse", "status": "completed", "questionnaire": "#q",
          "contained": [ { "resourceType": "Questionnaire", "id": "q", "status": "active", "item": [ { "linkId": "a", "type": "string",
            "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/regex", "valueString": "{{regex}}" } ] } ] } ],
          "item": [ { "linkId": "a", "answer": [ { "valueString": "{{answer}}" } ] } ] }
        """);

    [Fact]
    public void A_pattern_that_backtracks_exponentially_still_gives_a_verdict()
    {
        var answer = new string('a', 5000) + "!";
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = Answer("(a+)+b", answer);
        Assert.Equal([("val-qr-regex", "QuestionnaireResponse.item[0].answer[0].valueString")], result.ErrorCodes());
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
        Assert.Empty(Answer("(a+)+b", new string('a', 5000) + "b").Errors());
    }

    [Fact]
    public void A_pattern_beyond_the_linear_engine_is_still_applied()
    {
        Assert.Empty(Answer(@"(x)\\1", "xx").Errors());
        Assert.Equal(["val-qr-regex"], Answer(@"(x)\\1", "xy").Errors().Select(e => e.Code));
    }
}
