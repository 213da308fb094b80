namespace FhirGateway.Fhir.Issues;

/// <summary>
/// Bounds the issues kept about one input (a record, a resource): the first <see cref="Default"/> as found, then one
/// <c>issues-truncated</c> summary with the count of the rest, as severe as the worst of them, so that one hostile
/// input cannot make an outcome of megabytes and a refusal still reads as a refusal.
/// </summary>
public static class IssueLimit
{
    public const int Default = 100;

    /// <summary>The size a stored OperationOutcome stays within (<see cref="ToBoundedJson"/>).</summary>
    public const int DefaultOutcomeBytes = 32 * 1024;

    public static IReadOnlyList<Issue> Apply(IReadOnlyList<Issue> issues, int max = Default)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (issues.Count <= max) return issues;
        var kept = new List<Issue>(max + 1);
        for (var i = 0; i < max; i++) kept.Add(issues[i]);
        int rest = 0, total = 0;
        var worst = IssueSeverity.Information;
        for (var i = 0; i < issues.Count; i++)
        {
            var weight = Weight(issues[i]);
            total += weight;
            if (i < max) continue;
            rest += weight;
            if (issues[i].Severity < worst) worst = issues[i].Severity;
        }
        kept.Add(IssueCatalogue.IssuesTruncated.At(null, rest, total, max) with { Severity = worst, Origin = issues[0].Origin });
        return kept;
    }

    /// <summary>How many issues one stands for: a summary of an earlier limit stands for those it counts, so limits compose.</summary>
    private static int Weight(Issue issue)
    {
        if (issue.Code != IssueCatalogue.IssuesTruncated.Id) return 1;
        var space = issue.Message.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && int.TryParse(issue.Message.AsSpan(0, space), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
    }

    /// <summary>
    /// The compact OperationOutcome of <paramref name="issues"/>, limited (<see cref="Apply"/>) to at most
    /// <see cref="Default"/> issues and, halving that count as needed, to about <paramref name="maxBytes"/>.
    /// </summary>
    public static string ToBoundedJson(IReadOnlyList<Issue> issues, int maxBytes = DefaultOutcomeBytes)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var max = Default;
        var json = OperationOutcomeWriter.ToJson(Apply(issues, max), pretty: false);
        while (json.Length > maxBytes && max > 1)
        {
            max /= 2;
            json = OperationOutcomeWriter.ToJson(Apply(issues, max), pretty: false);
        }
        return json;
    }
}
