using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Json;
using FhirGateway.Fhir.Definitions.Sources;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Validation.Tests.Conformance;

/// <summary>What one step came to: skipped (with why), or our error count against the HL7 validator's.</summary>
public sealed record StepOutcome(SuiteStep Step, string? Skipped, int Errors, IReadOnlyList<Issue> Issues)
{
    public bool Agrees => Skipped is null && Errors == Step.Expected;
}

/// <summary>
/// Runs a suite step as the HL7 validator's test runner does: the case's supporting definitions (and the
/// profile's, for the profile step) in front of R4 core, differential-only profiles given snapshots by the
/// validator, the runner's settings (unknown extensions are errors except on example domains) and the case's
/// notes turned into options; then counts error and fatal issues.
/// </summary>
internal static class SuiteRunner
{
    public static StepOutcome Run(SuiteStep step)
    {
        var folder = SharedConformance.Validator;
        if (step.Case.IsXml) return Skip(step, "the instance is XML, which the gateway does not read yet");
        var files = step.DefinitionFiles.ToArray();
        if (files.FirstOrDefault(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) is { } xml)
            return Skip(step, $"the definition {xml} is XML, which the gateway does not read yet");
        var definitions = DefinitionResolver.WithCore([.. files.Select(f => DefinitionSources.OpenFiles(Path.Combine(folder, f)))]);
        var resources = new SuiteResources(folder, files, new StructureTypeModel(definitions));
        var options = OptionsFor(step.Case) with { Resolver = resources.Resolve, GlobalProfiles = resources.GlobalProfiles() };
        var validator = new FhirValidator(definitions, options);
        var json = File.ReadAllBytes(Path.Combine(folder, step.Case.File));
        IReadOnlyList<string>? profiles = step.WithProfile
            ? [ConformanceJsonReader.ReadStructureDefinition(File.ReadAllBytes(Path.Combine(folder, step.Case.Profile!))).Url]
            : null;
        var result = validator.Validate(json, step.Case.File, profiles);
        return new StepOutcome(step, null, result.ErrorCount, result.Issues);
    }

    /// <summary>The HL7 test runner's settings, with what the case's notes change.</summary>
    public static ValidatorOptions OptionsFor(SuiteCase c) => new()
    {
        UnknownExtensionSeverity = IssueSeverity.Error,
        AllowedUnknownExtensionPrefixes = c.Note("examples") == "false" ? [] : ExampleDomains,
        BestPractice = c.Note("best-practice") switch { "Error" => BestPracticeHandling.Error, "Warning" => BestPracticeHandling.Warning, _ => BestPracticeHandling.Ignore },
        UnresolvedReferenceSeverity = c.Note("validateReference") is "CHECK_EXISTS_AND_TYPE" or "CHECK_EXISTS" or "CHECK_VALID" ? IssueSeverity.Error : null,
        ReferenceTypeFromUrlSeverity = c.Note("assumeValidRestReferences") == "true" ? IssueSeverity.Error : IssueSeverity.Warning,
        SecurityChecks = c.Note("security-checks") == "true",
    };

    private static readonly string[] ExampleDomains =
        ["http://example.org/", "https://example.org/", "http://www.example.org/", "http://acme.com/", "https://acme.com/", "http://acme.org/"];

    private static StepOutcome Skip(SuiteStep step, string why) => new(step, why, 0, []);
}
