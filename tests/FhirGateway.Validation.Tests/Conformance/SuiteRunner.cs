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
        if (CannotRun(step) is { } why) return Skip(step, why);
        var files = step.DefinitionFiles.ToArray();
        var definitions = DefinitionResolver.WithCore([.. files.Select(f => DefinitionSources.OpenFiles(Path.Combine(folder, f)))]);
        var resources = new SuiteResources(folder, files, new StructureTypeModel(definitions));
        var options = OptionsFor(step.Case) with { Resolver = resources.Resolve, GlobalProfiles = resources.GlobalProfiles() };
        var validator = new FhirValidator(definitions, options);
        var instance = File.ReadAllBytes(Path.Combine(folder, step.Case.File)); // JSON or XML: the validator reads either
        IReadOnlyList<string>? profiles = step.WithProfile
            ? [ProfileUrl(Path.Combine(folder, step.Case.Profile!))]
            : null;
        var result = validator.Validate(instance, step.Case.File, profiles);
        return new StepOutcome(step, null, result.ErrorCount, result.Issues);
    }

    /// <summary>The canonical of the profile in a StructureDefinition file (JSON or XML).</summary>
    private static string ProfileUrl(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (Fhir.Serialization.FhirFormats.Detect(bytes, path) == Fhir.Serialization.FhirFormat.Xml)
            bytes = Fhir.Serialization.Xml.FhirXmlConversion.ToJson(bytes, path).Json ?? bytes;
        return ConformanceJsonReader.ReadStructureDefinition(bytes).Url;
    }

    /// <summary>Why a step cannot run on this machine (a file it needs is absent, or in a format the gateway does not read), or null.</summary>
    public static string? CannotRun(SuiteStep step)
    {
        foreach (var file in (IEnumerable<string>)[step.Case.File, .. step.DefinitionFiles])
        {
            if (Fhir.Serialization.FhirFormats.FromPath(file) is null) return $"{file} is neither JSON nor XML";
            if (!File.Exists(Path.Combine(SharedConformance.Validator, file))) return $"{file} is not in the validator folder";
        }
        return null;
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
