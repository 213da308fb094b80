namespace FhirGateway.Validation.Tests.Conformance;

/// <summary>
/// The HL7 validator test cases (../shared/conformance/validator): each JSON step's error count must equal
/// the HL7 validator's, or the step must be listed in known-disagreements.json with the reason; at least 95%
/// of the JSON steps must agree. XML steps are skipped and counted.
/// </summary>
public sealed class ValidatorSuiteTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<StepOutcome>> Outcomes = new(() => Steps().Select(SuiteRunner.Run).ToArray());

    private static IEnumerable<SuiteStep> Steps()
    {
        foreach (var c in SuiteCase.Load(SharedConformance.Validator))
        {
            yield return new SuiteStep(c, WithProfile: false);
            if (c.Profile is not null) yield return new SuiteStep(c, WithProfile: true);
        }
    }

    public static TheoryData<string> StepKeys()
    {
        var data = new TheoryData<string>();
        if (SharedConformance.Root is null) data.Add("(absent)");
        else foreach (var step in Steps()) data.Add(step.Key);
        return data;
    }

    [NeedsConformanceTheory]
    [MemberData(nameof(StepKeys))]
    public void Step_agrees_with_the_HL7_validator_or_is_listed_with_its_reason(string step)
    {
        var outcome = Outcomes.Value.Single(o => o.Step.Key == step);
        if (outcome.Skipped is not null)
        {
            output.WriteLine($"skipped: {outcome.Skipped}");
            return;
        }
        foreach (var issue in outcome.Issues) output.WriteLine(issue.ToString());
        if (KnownDisagreements.All.TryGetValue(step, out var listed))
            Assert.True((listed.Ours, listed.Theirs) == (outcome.Errors, outcome.Step.Expected),
                $"{step} is listed as {listed.Ours} errors against {listed.Theirs}, but now gives {outcome.Errors} against {outcome.Step.Expected}");
        else
            Assert.True(outcome.Agrees, $"{step}: {outcome.Errors} errors, the HL7 validator reports {outcome.Step.Expected}");
    }

    [NeedsConformanceFact]
    public void At_least_95_percent_of_the_JSON_steps_agree_and_the_list_holds_only_real_disagreements()
    {
        var run = Outcomes.Value.Where(o => o.Skipped is null).ToList();
        var agree = run.Count(o => o.Agrees);
        var skipped = Outcomes.Value.Count - run.Count;
        output.WriteLine($"JSON steps: {agree}/{run.Count} agree ({100.0 * agree / run.Count:F1}%); {skipped} steps skipped (XML)");
        foreach (var o in run.Where(o => !o.Agrees)) output.WriteLine($"  {o.Step.Key}: ours {o.Errors}, HL7 {o.Step.Expected}");
        var stale = KnownDisagreements.All.Keys.Where(k => run.Any(o => o.Step.Key == k && o.Agrees) || run.All(o => o.Step.Key != k)).ToList();
        Assert.Empty(stale);
        Assert.True(agree >= 0.95 * run.Count, $"only {agree} of {run.Count} JSON steps agree");
    }
}
