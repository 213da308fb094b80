using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Serialization;
using FhirGateway.Mapping.Ig;
using FhirGateway.Validation.Setup;

namespace FhirGateway.Validation.Tests.Conformance;

/// <summary>What one step came to: skipped (with why), or our errors against the HL7 validator's.</summary>
public sealed record StepOutcome(SuiteStep Step, string? Skipped, IReadOnlyList<Issue> Issues)
{
    public int Errors => Issues.Count(i => i.IsError);

    /// <summary>Agreement by what and where: as many errors as the HL7 validator, at the same locations.</summary>
    public bool Agrees => Skipped is null && Errors == Step.Expected && Locations.Agree(Step.ExpectedLocations, Issues);
}

/// <summary>
/// Runs a suite step (JSON or XML) exactly as a user runs <c>fhirgw validate FILE --ig SUPPORTING… [--profile PROFILE] [policies]</c>:
/// the same <see cref="ValidationWorkspace"/> (the supporting files as <c>--ig</c>, the clinic IG and R4 core behind
/// them, the supporting resources and the files beside the instance as reference targets) and the same
/// <see cref="ValidationPolicies"/>, chosen from the HL7 test runner's settings and the case's notes; then counts the
/// error and fatal issues and compares their locations.
/// </summary>
internal static class SuiteRunner
{
    public static StepOutcome Run(SuiteStep step)
    {
        var folder = SuiteCase.Folder;
        var files = step.DefinitionFiles.Select(f => Path.Combine(folder, f)).ToArray();
        var instance = Path.Combine(folder, step.Case.File);
        if (CannotRun(step) is { } why) return Skip(step, why);
        var policies = PoliciesFor(step.Case);
        var workspace = ValidationWorkspace.Open(new WorkspaceInputs
        {
            Igs = files, Behind = ClinicIgDefinitions.WithCore, Instances = [instance], ResolveBesideInstances = policies.CheckReferences,
        });
        var validator = workspace.CreateValidator(policies.ToOptions());
        IReadOnlyList<string>? profiles = step.WithProfile ? [ValidationWorkspace.ProfileCanonical(Path.Combine(folder, step.Case.Profile!))] : null;
        var result = validator.Validate(validator.Parse(File.ReadAllBytes(instance), step.Case.File), profiles); // JSON or XML, told apart by content
        return new StepOutcome(step, null, result.Issues);
    }

    /// <summary>Why a step cannot run on this machine (a file it needs is absent, or in a format the gateway does not read), or null.</summary>
    public static string? CannotRun(SuiteStep step)
    {
        foreach (var file in (IEnumerable<string>)[step.Case.File, .. step.DefinitionFiles])
        {
            if (FhirFormats.FromPath(file) is null) return $"{file} is neither JSON nor XML";
            if (!File.Exists(Path.Combine(SuiteCase.Folder, file))) return $"{file} is not in the validator folder";
        }
        return null;
    }

    /// <summary>
    /// The HL7 test runner's settings (unknown extensions are errors, example domains excused; a relative reference's
    /// URL names its target's type, so a type the element does not allow is an error in every run, with or without
    /// assumeValidRestReferences), with what the case's notes change.
    /// </summary>
    public static ValidationPolicies PoliciesFor(SuiteCase c) => new()
    {
        UnknownExtensionsAsErrors = true,
        ExampleUrlsAsErrors = c.Note("examples") == "false",
        BestPractice = c.Note("best-practice") switch { "Error" => BestPracticeHandling.Error, "Warning" => BestPracticeHandling.Warning, _ => BestPracticeHandling.Ignore },
        CheckReferences = c.Note("validateReference") is "CHECK_EXISTS_AND_TYPE" or "CHECK_EXISTS" or "CHECK_VALID",
        TrustReferenceTypes = true,
        SecurityChecks = c.Note("security-checks") == "true",
    };

    private static StepOutcome Skip(SuiteStep step, string why) => new(step, why, []);
}
