using FhirGateway.Fhir.Issues;

namespace FhirGateway.Validation.Setup;

/// <summary>
/// The policies a user chooses for a validation (the options of <c>fhirgw validate</c>), mapped onto
/// <see cref="ValidatorOptions"/> in one place. The Java-compatible ones, which make errors of what the HL7 validator
/// makes errors, are off by default.
/// </summary>
public sealed record ValidationPolicies
{
    /// <summary>The domains of example URLs (RFC 2606's example domains and the ones FHIR's examples use).</summary>
    public static IReadOnlyList<string> ExampleDomains { get; } =
        ["http://example.org/", "https://example.org/", "http://www.example.org/", "http://example.com/", "https://example.com/", "http://acme.com/", "https://acme.com/", "http://acme.org/"];

    /// <summary>URLs on example domains are errors; unknown extensions on them are then not excused either (HL7: allowExamples off).</summary>
    public bool ExampleUrlsAsErrors { get; init; }

    /// <summary>Extensions whose definition is unknown are errors (apart from those on example domains, unless <see cref="ExampleUrlsAsErrors"/>).</summary>
    public bool UnknownExtensionsAsErrors { get; init; }

    /// <summary>Declared profiles (meta.profile) that are unknown are errors.</summary>
    public bool UnknownProfilesAsErrors { get; init; }

    /// <summary>Relative references nothing resolves are errors.</summary>
    public bool CheckReferences { get; init; }

    /// <summary>A reference's URL is taken to name its target's type: a type the element does not allow is an error, not a warning.</summary>
    public bool TrustReferenceTypes { get; init; }

    public BestPracticeHandling BestPractice { get; init; } = BestPracticeHandling.Warning;

    public bool SecurityChecks { get; init; }

    public ValidatorOptions ToOptions() => new()
    {
        ExampleUrlSeverity = ExampleUrlsAsErrors ? IssueSeverity.Error : null,
        UnknownExtensionSeverity = UnknownExtensionsAsErrors ? IssueSeverity.Error : IssueSeverity.Warning,
        AllowedUnknownExtensionPrefixes = UnknownExtensionsAsErrors && !ExampleUrlsAsErrors ? ExampleDomains : [],
        UnknownDeclaredProfileSeverity = UnknownProfilesAsErrors ? IssueSeverity.Error : IssueSeverity.Warning,
        UnresolvedReferenceSeverity = CheckReferences ? IssueSeverity.Error : null,
        ReferenceTypeFromUrlSeverity = TrustReferenceTypes ? IssueSeverity.Error : IssueSeverity.Warning,
        BestPractice = BestPractice,
        SecurityChecks = SecurityChecks,
    };
}
