using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Tests.Issues;

public sealed class IssueLimitTests
{
    private static Issue Warning(int i) => IssueCatalogue.JsonUnknownProperty.At($"x{i}", $"x{i}", "T") with { Severity = IssueSeverity.Warning };

    [Fact]
    public void Keeps_a_list_within_the_limit_as_it_is()
    {
        var issues = Enumerable.Range(0, 100).Select(Warning).ToList();
        Assert.Same(issues, IssueLimit.Apply(issues));
    }

    [Fact]
    public void Keeps_the_first_issues_and_one_summary_as_severe_as_the_worst_dropped()
    {
        var issues = Enumerable.Range(0, 250).Select(Warning).Append(IssueCatalogue.RecordMissingField.At("a", "a", "b")).ToList();

        var kept = IssueLimit.Apply(issues);

        Assert.Equal(101, kept.Count);
        Assert.Equal(issues.Take(100), kept.Take(100));
        var summary = kept[100];
        Assert.Equal(IssueCatalogue.IssuesTruncated.Id, summary.Code);
        Assert.Equal(IssueSeverity.Error, summary.Severity);
        Assert.Contains("151 more issues", summary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_over_issues_already_limited_counts_what_the_first_summary_stands_for()
    {
        var once = IssueLimit.Apply(Enumerable.Range(0, 1000).Select(Warning).ToList());

        var twice = IssueLimit.Apply([.. once, .. once], 150);

        Assert.Contains("(2000 in all", twice[^1].Message, StringComparison.Ordinal);
    }
}
