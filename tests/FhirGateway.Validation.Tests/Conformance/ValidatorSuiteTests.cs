namespace FhirGateway.Validation.Tests.Conformance;

/// <summary>
/// The HL7 validator test cases (../shared/conformance/validator), run as <c>fhirgw validate</c> runs them: each JSON
/// step must agree with the HL7 validator by what and where (as many errors, each of its errors matched by one of ours
/// at the same element), or be listed in known-disagreements.json with the reason; at least 95% of the JSON steps must
/// agree by count, and 94% by count and location (127 of 135 today: two of the listed eight are the HL7 validator
/// placing an error on the wrong entry). Steps in a format not read yet are skipped, and report themselves as skipped.
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

    public static TheoryData<string> StepKeys() => Keys(runnable: true);

    public static TheoryData<string> UnreadableStepKeys() => Keys(runnable: false);

    /// <summary>The steps whose files can be read (or those that cannot), by key.</summary>
    private static TheoryData<string> Keys(bool runnable)
    {
        var data = new TheoryData<string>();
        if (SharedConformance.Root is null) data.Add("(absent)");
        else
            foreach (var step in Steps())
                if (StepFiles(step).All(f => InstanceFormats.Unsupported(f) is null) == runnable) data.Add(step.Key);
        if (data.Count == 0) data.Add("(none)");
        return data;
    }

    private static IEnumerable<string> StepFiles(SuiteStep step) =>
        [step.Case.File, .. step.DefinitionFiles];

    /// <summary>Steps in a format not read yet: each is reported as skipped, never as a pass.</summary>
    [StepInUnreadFormatTheory]
    [MemberData(nameof(UnreadableStepKeys))]
    public void Step_in_a_format_not_read_yet(string step) => Assert.Fail($"{step} should have been skipped");

    [NeedsConformanceTheory]
    [MemberData(nameof(StepKeys))]
    public void Step_agrees_with_the_HL7_validator_or_is_listed_with_its_reason(string step)
    {
        var outcome = Outcomes.Value.Single(o => o.Step.Key == step);
        Assert.Null(outcome.Skipped);
        foreach (var issue in outcome.Issues) output.WriteLine(issue.ToString());
        foreach (var missed in Locations.Unmatched(outcome.Step.ExpectedLocations, outcome.Issues)) output.WriteLine($"HL7 error not matched at: {missed}");
        if (KnownDisagreements.All.TryGetValue(step, out var listed))
            Assert.True((listed.Ours, listed.Theirs) == (outcome.Errors, outcome.Step.Expected),
                $"{step} is listed as {listed.Ours} errors against {listed.Theirs}, but now gives {outcome.Errors} against {outcome.Step.Expected}");
        else
            Assert.True(outcome.Agrees, $"{step}: {outcome.Errors} errors, the HL7 validator reports {outcome.Step.Expected}" +
                $" (HL7 errors not matched at: {string.Join(", ", Locations.Unmatched(outcome.Step.ExpectedLocations, outcome.Issues))})");
    }

    [NeedsConformanceFact]
    public void At_least_95_percent_of_the_JSON_steps_agree_and_the_list_holds_only_real_disagreements()
    {
        var run = Outcomes.Value.Where(o => o.Skipped is null).ToList();
        var agree = run.Count(o => o.Agrees);
        var byCount = run.Count(o => o.Errors == o.Step.Expected);
        var skipped = Outcomes.Value.Count - run.Count;
        output.WriteLine($"JSON steps: {agree}/{run.Count} agree by count and location ({100.0 * agree / run.Count:F1}%), {byCount} by count alone; {skipped} steps skipped");
        foreach (var o in run.Where(o => !o.Agrees)) output.WriteLine($"  {o.Step.Key}: ours {o.Errors}, HL7 {o.Step.Expected}");
        var stale = KnownDisagreements.All.Keys.Where(k => run.Any(o => o.Step.Key == k && o.Agrees) || run.All(o => o.Step.Key != k)).ToList();
        Assert.Empty(stale);
        Assert.True(byCount >= 0.95 * run.Count, $"only {byCount} of {run.Count} JSON steps agree by count");
        Assert.True(agree >= 0.94 * run.Count, $"only {agree} of {run.Count} JSON steps agree by count and location");
    }
}

/// <summary>Marks the theory over steps whose files are in a format the gateway does not read yet: always skipped, saying so.</summary>
internal sealed class StepInUnreadFormatTheoryAttribute : TheoryAttribute
{
    public StepInUnreadFormatTheoryAttribute() =>
        Skip = SharedConformance.Root is null ? SharedConformance.Missing : "the step's instance or a definition it needs is in a format the gateway does not read yet (FHIR XML)";
}
