using FhirGateway.Fhir.Issues;

namespace FhirGateway.Validation.Results;

/// <summary>
/// The outcome of a check as a value: a verdict and the issues that explain it. Successes without issues are
/// the default value and allocate nothing; results are combined with <see cref="Combine"/> (or gathered with
/// <see cref="ResultBuilder"/>, which follows the same rule).
/// </summary>
public readonly struct CheckResult
{
    private readonly Issue[]? _issues;

    private CheckResult(Verdict verdict, Issue[]? issues)
    {
        Verdict = verdict;
        _issues = issues;
    }

    public static CheckResult Success => default;

    public Verdict Verdict { get; }

    public IReadOnlyList<Issue> Issues => _issues ?? [];

    public bool IsSuccess => Verdict == Verdict.Success;

    public bool IsFailure => Verdict == Verdict.Failure;

    /// <summary>A result carrying one issue: a failure when the issue is an error or fatal, else a success.</summary>
    public static CheckResult Of(Issue issue) => new(VerdictOf(issue), [issue]);

    /// <summary>An undecided result, with the issue that says why when there is one.</summary>
    public static CheckResult Undecided(Issue? why = null) =>
        new(why is { IsError: true } ? Verdict.Failure : Verdict.Undecided, why is null ? null : [why]);

    public static CheckResult From(Verdict verdict, IReadOnlyList<Issue> issues) =>
        new(verdict, issues.Count == 0 ? null : issues as Issue[] ?? [.. issues]);

    /// <summary>Both results together: the worse verdict and the issues of both, in order.</summary>
    public static CheckResult Combine(CheckResult a, CheckResult b)
    {
        var verdict = Verdicts.Combine(a.Verdict, b.Verdict);
        if (b._issues is null) return new(verdict, a._issues);
        if (a._issues is null) return new(verdict, b._issues);
        return new(verdict, [.. a._issues, .. b._issues]);
    }

    public static Verdict VerdictOf(Issue issue) => issue.IsError ? Verdict.Failure : Verdict.Success;

    public override string ToString() => $"{Verdict} ({Issues.Count} issues)";
}
