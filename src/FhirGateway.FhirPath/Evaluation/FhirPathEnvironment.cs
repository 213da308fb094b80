using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Model;

namespace FhirGateway.FhirPath.Evaluation;

/// <summary>Resolves a reference string (<c>Patient/1</c>, <c>urn:uuid:…</c>, an absolute URL) to a resource tree, or null.</summary>
public delegate ElementNode? ReferenceResolver(string reference);

/// <summary>Answers <c>memberOf()</c>: whether a code/Coding/CodeableConcept (or string) is in the value set; null when unknown.</summary>
public delegate bool? ValueSetMembership(object item, string valueSetUrl);

/// <summary>
/// Answers <c>subsumes()</c>/<c>subsumedBy()</c>: whether the code (a code, Coding or CodeableConcept) in
/// <paramref name="general"/> subsumes the one in <paramref name="specific"/>; null when the code system cannot say.
/// </summary>
public delegate bool? CodeSubsumption(object general, object specific);

/// <summary>Answers <c>conformsTo()</c>: whether a resource conforms to the profile; null when the profile is unknown.</summary>
public delegate bool? ProfileConformance(ElementNode resource, string profileUrl);

/// <summary>
/// Answers <c>elementDefinition()</c>: the element definition that governs <paramref name="element"/> in the
/// structure being validated (a profile's snapshot element, a slice's definition), or null when there is none.
/// </summary>
public delegate ElementDefinitionInfo? ElementDefinitionProvider(ElementNode element);

/// <summary>
/// Answers <c>slice(structure, name)</c>: whether <paramref name="element"/> matches the slice named
/// <paramref name="sliceName"/> of the StructureDefinition <paramref name="structureUrl"/>; null when the structure
/// or the slice is unknown (which the spec makes an error).
/// </summary>
public delegate bool? SliceMatcher(ElementNode element, string structureUrl, string sliceName);

/// <summary>
/// What an evaluation may see from outside: the resources for <c>%resource</c>/<c>%rootResource</c>, caller variables,
/// and delegates for reference resolution, terminology, profile conformance and the validator's context
/// (<c>elementDefinition()</c>, <c>slice()</c>). Immutable; one may be shared by any number of evaluations.
/// </summary>
/// <remarks>
/// Without a delegate the functions behave as the FHIR spec says for a context that does not know:
/// <c>resolve()</c> finds only contained and Bundle-internal targets; <c>memberOf()</c>, <c>subsumes()</c> and
/// <c>subsumedBy()</c> give empty; <c>conformsTo()</c> and <c>slice()</c> are errors (they cannot be answered);
/// <c>elementDefinition()</c> gives the base definition from the type model (core R4), or empty when the element has none.
/// </remarks>
public sealed record FhirPathEnvironment
{
    public static readonly FhirPathEnvironment Default = new();

    /// <summary><c>%resource</c>; when null, the nearest resource at or above the input node.</summary>
    public ElementNode? Resource { get; init; }

    /// <summary><c>%rootResource</c>; when null, the outermost container of <c>%resource</c> (a Bundle entry's resource is its own root).</summary>
    public ElementNode? RootResource { get; init; }

    /// <summary>Caller variables by name (without <c>%</c>), each a collection. The spec's constants (<c>%ucum</c>, <c>%sct</c>, <c>%loinc</c>, <c>%`vs-x`</c>, <c>%`ext-x`</c>) and <c>%resource</c>, <c>%rootResource</c>, <c>%context</c> are not looked up here.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<object>> Variables { get; init; } = new Dictionary<string, IReadOnlyList<object>>();

    /// <summary>Resolves references that are not contained (<c>#id</c>) and not inside the Bundle being evaluated.</summary>
    public ReferenceResolver? Resolver { get; init; }

    /// <summary>Answers memberOf(); the validator wires its terminology service here.</summary>
    public ValueSetMembership? Terminology { get; init; }

    /// <summary>Answers subsumes()/subsumedBy().</summary>
    public CodeSubsumption? Subsumption { get; init; }

    public ProfileConformance? ConformsTo { get; init; }

    /// <summary>Answers elementDefinition(); the validator supplies the profile's element for each node it validates.</summary>
    public ElementDefinitionProvider? ElementDefinitions { get; init; }

    /// <summary>Answers slice(structure, name); the validator supplies its slice matching.</summary>
    public SliceMatcher? Slices { get; init; }

    /// <summary>The clock for now(), today(), timeOfDay().</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Receives trace() output: the name and the traced collection. Null ignores tracing.</summary>
    public Action<string, IReadOnlyList<object>>? Trace { get; init; }
}
