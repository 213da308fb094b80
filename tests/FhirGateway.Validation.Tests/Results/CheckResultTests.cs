using FhirGateway.Fhir.Issues;
using FhirGateway.Validation.Results;

namespace FhirGateway.Validation.Tests.Results;

public sealed class CheckResultTests
{
    private static readonly Issue Error = IssueCatalogue.ValCardinalityMin.At("Patient", "Patient.name", 1, 0, "");
    private static readonly Issue Warning = IssueCatalogue.ValExtensionUnknown.At("Patient.extension[0]", "http://x");

    [Theory]
    [InlineData(Verdict.Success, Verdict.Success, Verdict.Success)]
    [InlineData(Verdict.Success, Verdict.Undecided, Verdict.Undecided)]
    [InlineData(Verdict.Undecided, Verdict.Success, Verdict.Undecided)]
    [InlineData(Verdict.Undecided, Verdict.Failure, Verdict.Failure)]
    [InlineData(Verdict.Failure, Verdict.Success, Verdict.Failure)]
    public void Combining_gives_the_worse_verdict(Verdict a, Verdict b, Verdict expected) => Assert.Equal(expected, Verdicts.Combine(a, b));

    [Fact]
    public void An_error_issue_makes_a_failure_and_a_warning_does_not()
    {
        Assert.Equal(Verdict.Failure, CheckResult.Of(Error).Verdict);
        Assert.Equal(Verdict.Success, CheckResult.Of(Warning).Verdict);
    }

    [Fact]
    public void Combining_keeps_every_issue_in_order()
    {
        var combined = CheckResult.Combine(CheckResult.Of(Warning), CheckResult.Combine(CheckResult.Success, CheckResult.Of(Error)));
        Assert.Equal([Warning, Error], combined.Issues);
        Assert.True(combined.IsFailure);
    }

    [Fact]
    public void Undecided_with_an_error_reason_is_a_failure()
    {
        Assert.Equal(Verdict.Undecided, CheckResult.Undecided().Verdict);
        Assert.Equal(Verdict.Failure, CheckResult.Undecided(Error).Verdict);
    }

    [Fact]
    public void The_builder_follows_the_same_rule_as_combine()
    {
        var builder = new ResultBuilder();
        builder.Add(CheckResult.Of(Warning));
        builder.Add(Verdict.Undecided);
        Assert.Equal(Verdict.Undecided, builder.ToResult().Verdict);
        builder.Add(Error);
        var result = builder.ToResult();
        Assert.Equal(CheckResult.Combine(CheckResult.Combine(CheckResult.Of(Warning), CheckResult.Undecided()), CheckResult.Of(Error)).Verdict, result.Verdict);
        Assert.Equal([Warning, Error], result.Issues);
    }
}
