using FhirGateway.Fhir.Issues;

namespace FhirGateway.Terminology.CodeSystems;

/// <summary>How looking a code up in a code system came out.</summary>
public enum LookupOutcome
{
    /// <summary>The system defines the code (or its grammar accepts it).</summary>
    Found,
    /// <summary>The system certainly does not define the code (a complete system, a grammar that rejects it, a bad check digit).</summary>
    NotFound,
    /// <summary>Cannot be decided offline: a system not held, held only in part, or unknown.</summary>
    Undecided,
}

/// <summary>
/// The result of a code system look-up: the outcome, the concept when found (its display, designations and
/// flags), and the issue that explains a <see cref="LookupOutcome.NotFound"/> or <see cref="LookupOutcome.Undecided"/>.
/// </summary>
public readonly record struct CodeLookup(LookupOutcome Outcome, Concept? Concept, Issue? Reason)
{
    public static CodeLookup Found(Concept concept) => new(LookupOutcome.Found, concept, null);
    public static CodeLookup NotFound(Issue reason) => new(LookupOutcome.NotFound, null, reason);
    public static CodeLookup Undecided(Issue reason) => new(LookupOutcome.Undecided, null, reason);
}
