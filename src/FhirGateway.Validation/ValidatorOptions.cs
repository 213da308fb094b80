using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Validation;

/// <summary>How to treat invariants marked best practice (the elementdefinition-bestpractice extension).</summary>
public enum BestPracticeHandling
{
    /// <summary>Not evaluated.</summary>
    Ignore,
    /// <summary>A failure is a warning (the default, as the constraints' own severity usually says).</summary>
    Warning,
    /// <summary>A failure is an error.</summary>
    Error,
}

/// <summary>Finds a resource outside the instance being validated by a reference or canonical (<c>Patient/1</c>, an absolute URL), or null.</summary>
public delegate ElementNode? ResourceResolver(string reference);

/// <summary>Settings of a <see cref="FhirValidator"/>. A record with defaults: set only what differs.</summary>
public sealed record ValidatorOptions
{
    public static ValidatorOptions Default { get; } = new();

    /// <summary>
    /// Severity of an extension whose definition is unknown (warning by default). Unknown modifier extensions are
    /// always errors; unknown extensions in the core namespace (<c>http://hl7.org/fhir/StructureDefinition/</c>),
    /// which HL7 publishes for every version in its extensions package, are at most warnings.
    /// </summary>
    public IssueSeverity UnknownExtensionSeverity { get; init; } = IssueSeverity.Warning;

    /// <summary>
    /// Severity for a URL on an example domain (<c>example.org</c>, <c>example.com</c>, <c>acme.com</c>, <c>acme.org</c>, and their
    /// sub-domains) in a uri, url or canonical value or an absolute reference; null (the default) does not report them.
    /// The HL7 validator makes them errors ("Example URLs are not allowed in this context").
    /// </summary>
    public IssueSeverity? ExampleUrlSeverity { get; init; }

    /// <summary>Severity of a profile the resource declares in <c>meta.profile</c> that is unknown (a warning by default; the HL7 validator makes it an error).</summary>
    public IssueSeverity UnknownDeclaredProfileSeverity { get; init; } = IssueSeverity.Warning;

    /// <summary>URL prefixes whose unknown extensions are accepted without any issue (for instance example domains).</summary>
    public IReadOnlyList<string> AllowedUnknownExtensionPrefixes { get; init; } = [];

    public BestPracticeHandling BestPractice { get; init; } = BestPracticeHandling.Warning;

    /// <summary>
    /// Severity for a relative reference (<c>Patient/1</c>) that neither the instance nor <see cref="Resolver"/>
    /// can resolve, and for a <c>urn:uuid</c> no entry of the enclosing Bundle carries (a warning when null);
    /// null (the default) does not report unresolved relative references, which routinely point at the server the
    /// instance goes to. Absolute URLs point at other servers and are never reported; a missing contained resource
    /// always is (an error).
    /// </summary>
    public IssueSeverity? UnresolvedReferenceSeverity { get; init; }

    /// <summary>
    /// Severity when a reference that cannot be resolved names, in its URL, a resource type the element does not
    /// allow (<c>Encounter/1</c> where only Patient may be referenced). A warning by default, as the target itself
    /// is not seen; a resolved target of a wrong type is always an error.
    /// </summary>
    public IssueSeverity ReferenceTypeFromUrlSeverity { get; init; } = IssueSeverity.Warning;

    /// <summary>Resolves references and canonicals that point outside the instance (other resources, Questionnaires); null resolves nothing.</summary>
    public ResourceResolver? Resolver { get; init; }

    /// <summary>
    /// Profiles every resource of a type must conform to, by resource type, as an ImplementationGuide's
    /// <c>global</c> declares them; applied like declared profiles (an unknown one is a warning).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> GlobalProfiles { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Check codes against required and extensible bindings and code systems (through the terminology service).</summary>
    public bool CheckTerminology { get; init; } = true;

    /// <summary>Report strings and markdown that carry HTML tags (a security check for systems that render them unescaped).</summary>
    public bool SecurityChecks { get; init; }

    /// <summary>Check that each extension is used in a context its definition allows.</summary>
    public bool CheckExtensionContext { get; init; } = true;

    /// <summary>The clock for FHIRPath now()/today() in invariants.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
