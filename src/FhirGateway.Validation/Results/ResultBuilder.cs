using FhirGateway.Fhir.Issues;

namespace FhirGateway.Validation.Results;

/// <summary>
/// Gathers the results of many checks into one, by the rule of <see cref="CheckResult.Combine"/> (worst verdict,
/// issues in order) without copying issue arrays at every step. A local of one check's evaluation; never shared.
/// </summary>
public sealed class ResultBuilder
{
    private List<Issue>? _issues;

    public Verdict Verdict { get; private set; }

    public bool HasFailure => Verdict == Verdict.Failure;

    public void Add(in CheckResult result)
    {
        Verdict = Verdicts.Combine(Verdict, result.Verdict);
        var issues = result.Issues;
        if (issues.Count == 0) return;
        _issues ??= new List<Issue>(issues.Count);
        _issues.AddRange(issues);
    }

    public void Add(Issue issue)
    {
        Verdict = Verdicts.Combine(Verdict, CheckResult.VerdictOf(issue));
        (_issues ??= []).Add(issue);
    }

    public void Add(Verdict verdict) => Verdict = Verdicts.Combine(Verdict, verdict);

    public CheckResult ToResult() => CheckResult.From(Verdict, (IReadOnlyList<Issue>?)_issues ?? []);
}
