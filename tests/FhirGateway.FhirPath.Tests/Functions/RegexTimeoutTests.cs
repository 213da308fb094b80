using FhirGateway.FhirPath.Syntax;

namespace FhirGateway.FhirPath.Tests.Functions;

public sealed class RegexTimeoutTests
{
    private static readonly Fhir.Model.ElementNode Patient = TestData.Parse($$"""{"resourceType":"Patient","id":"p1","gender":"{{new string('a', 5000)}}!"}""");

    [Theory]
    [InlineData("gender.matches('^(a|aa)+$')")]
    [InlineData("gender.replaceMatches('^(a|aa)+$', 'x')")]
    public void A_regex_that_runs_out_of_time_on_a_hostile_string_is_an_evaluation_error(string expression) =>
        Assert.Throws<FhirPathEvaluationException>(() => TestData.Eval(expression, Patient));
}
