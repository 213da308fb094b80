using FhirGateway.Fhir.Model;

namespace FhirGateway.FhirPath.Evaluation;

/// <summary>Resolves a reference string (<c>Patient/1</c>, <c>urn:uuid:…</c>, an absolute URL) to a resource tree, or null.</summary>
public delegate ElementNode? ReferenceResolver(string reference);

/// <summary>Answers <c>memberOf()</c>: whether a code/Coding/CodeableConcept (or string) is in the value set; null when unknown.</summary>
public delegate bool? ValueSetMembership(object item, string valueSetUrl);

/// <summary>Answers <c>conformsTo()</c>: whether a resource conforms to the profile; null when the profile is unknown.</summary>
public delegate bool? ProfileConformance(ElementNode resource, string profileUrl);

/// <summary>
/// What an evaluation may see from outside: the resources for <c>%resource</c>/<c>%rootResource</c>, caller variables,
/// and delegates for reference resolution, terminology and profile conformance. Immutable; one may be shared.
/// </summary>
public sealed record FhirPathEnvironment
{
    public static readonly FhirPathEnvironment Default = new();

    /// <summary><c>%resource</c>; when null, the nearest resource at or above the input node.</summary>
    public ElementNode? Resource { get; init; }

    /// <summary><c>%rootResource</c>; when null, the outermost container of <c>%resource</c> (a Bundle entry's resource is its own root).</summary>
    public ElementNode? RootResource { get; init; }

    /// <summary>Caller variables by name (without <c>%</c>), each a collection.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<object>> Variables { get; init; } = new Dictionary<string, IReadOnlyList<object>>();

    /// <summary>Resolves references that are not contained (<c>#id</c>) and not inside the Bundle being evaluated.</summary>
    public ReferenceResolver? Resolver { get; init; }

    public ValueSetMembership? Terminology { get; init; }

    public ProfileConformance? ConformsTo { get; init; }

    /// <summary>The clock for now(), today(), timeOfDay().</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Receives trace() output: the name and the traced collection. Null ignores tracing.</summary>
    public Action<string, IReadOnlyList<object>>? Trace { get; init; }
}
