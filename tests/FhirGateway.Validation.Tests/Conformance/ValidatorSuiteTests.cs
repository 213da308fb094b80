namespace FhirGateway.Validation.Tests.Conformance;

/// <summary>
/// The HL7 validator test cases (../shared/conformance/validator), run as <c>fhirgw validate</c> runs them: each step
/// (JSON or XML instance) must agree with the HL7 validator by what and where (as many errors, each of its errors
/// matched by one of ours at the same element), or be listed in known-disagreements.json with the reason; at least 95%
/// of the JSON steps must agree by count, and 94% by count and location. A step that cannot run here is reported as
/// skipped, with its reason, never as a pass.
/// </summary>
public sealed class ValidatorSuiteTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<StepOutcome>> Outcomes = new(() => Steps().Select(RunCaught).ToArray());

    /// <summary>Runs a step; an exception fails that step alone (its message is the step's one issue), never the others.</summary>
    private static StepOutcome RunCaught(SuiteStep step)
    {
        try
        {
            return SuiteRunner.Run(step);
        }
        catch (Exception e)
        {
            var issue = new Fhir.Issues.IssueDefinition("test-step-crashed", Fhir.Issues.IssueSeverity.Fatal, Fhir.Issues.IssueType.Exception, "{0}").At(null, e.ToString());
            return new StepOutcome(step, null, [issue]);
        }
    }

    private static IEnumerable<SuiteStep> Steps()
    {
        foreach (var c in SuiteCase.Load(SuiteCase.Folder))
        {
            yield return new SuiteStep(c, WithProfile: false);
            if (c.Profile is not null) yield return new SuiteStep(c, WithProfile: true);
        }
    }

    public static TheoryData<string> StepKeys()
    {
        var data = new TheoryData<string>();
        if (SharedConformance.Root is null) data.Add("(absent)");
        else foreach (var step in Steps().Where(s => SuiteRunner.CannotRun(s) is null)) data.Add(step.Key);
        return data;
    }

    /// <summary>The steps that cannot run here, each with why; one placeholder row when every step runs (a theory needs a row).</summary>
    public static TheoryData<string, string> StepsThatCannotRun()
    {
        var data = new TheoryData<string, string>();
        if (SharedConformance.Root is not null)
            foreach (var step in Steps())
                if (SuiteRunner.CannotRun(step) is { } why) data.Add(step.Key, why);
        if (data.Count == 0) data.Add("(none)", "every step of the suite runs here");
        return data;
    }

    [ConformanceTheory]
    [SkippedRows(nameof(StepsThatCannotRun))]
    public void Step_that_cannot_run_is_reported_as_skipped(string step, string why) =>
        Assert.Fail($"{step} cannot run ({why}) and is only ever listed as skipped");

    [ConformanceTheory]
    [MemberData(nameof(StepKeys))]
    public void Step_agrees_with_the_HL7_validator_or_is_listed_with_its_reason(string step)
    {
        var outcome = Outcomes.Value.Single(o => o.Step.Key == step);
        Assert.True(outcome.Skipped is null, $"{step} did not run: {outcome.Skipped}");
        foreach (var issue in outcome.Issues) output.WriteLine(issue.ToString());
        foreach (var missed in Locations.Unmatched(outcome.Step.ExpectedLocations, outcome.Issues)) output.WriteLine($"HL7 error not matched at: {missed}");
        if (KnownDisagreements.All.TryGetValue(step, out var listed))
            Assert.True((listed.Ours, listed.Theirs) == (outcome.Errors, outcome.Step.Expected),
                $"{step} is listed as {listed.Ours} errors against {listed.Theirs}, but now gives {outcome.Errors} against {outcome.Step.Expected}");
        else
            Assert.True(outcome.Agrees, $"{step}: {outcome.Errors} errors, the HL7 validator reports {outcome.Step.Expected}" +
                $" (HL7 errors not matched at: {string.Join(", ", Locations.Unmatched(outcome.Step.ExpectedLocations, outcome.Issues))})");
    }

    [ConformanceFact]
    public void At_least_95_percent_of_the_JSON_steps_agree_and_the_list_holds_only_real_disagreements()
    {
        var run = Outcomes.Value.Where(o => o.Skipped is null).ToList();
        var json = run.Where(o => !IsXml(o.Step)).ToList();
        var xml = run.Where(o => IsXml(o.Step)).ToList();
        var agree = json.Count(o => o.Agrees);
        var byCount = json.Count(o => o.Errors == o.Step.Expected);
        output.WriteLine($"JSON steps: {agree}/{json.Count} agree by count and location ({100.0 * agree / Math.Max(1, json.Count):F1}%), {byCount} by count alone");
        output.WriteLine($"XML steps: {xml.Count(o => o.Agrees)}/{xml.Count} agree by count and location ({100.0 * xml.Count(o => o.Agrees) / Math.Max(1, xml.Count):F1}%), " +
            $"{xml.Count(o => o.Errors == o.Step.Expected)} by count alone");
        output.WriteLine($"{Outcomes.Value.Count - run.Count} steps skipped (they cannot run here)");
        foreach (var o in run.Where(o => !o.Agrees)) output.WriteLine($"  {o.Step.Key}: ours {o.Errors}, HL7 {o.Step.Expected}");
        var stale = KnownDisagreements.All.Keys.Where(k => run.Any(o => o.Step.Key == k && o.Agrees) || run.All(o => o.Step.Key != k)).ToList();
        Assert.Empty(stale);
        Assert.True(byCount >= 0.95 * json.Count, $"only {byCount} of {json.Count} JSON steps agree by count");
        Assert.True(agree >= 0.94 * json.Count, $"only {agree} of {json.Count} JSON steps agree by count and location");
    }

    /// <summary>A step is an XML step when its instance or any definition it loads is XML.</summary>
    private static bool IsXml(SuiteStep step) =>
        ((IEnumerable<string>)[step.Case.File, .. step.DefinitionFiles]).Any(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));
}
