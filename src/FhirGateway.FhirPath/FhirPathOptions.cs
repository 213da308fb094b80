namespace FhirGateway.FhirPath;

/// <summary>Compile-time settings of a <see cref="FhirPathCompiler"/>. Immutable.</summary>
public sealed record FhirPathOptions
{
    /// <summary>The settings for FHIR R4: the as() singleton rule not enforced, ordered functions allowed anywhere.</summary>
    public static readonly FhirPathOptions Default = new();

    /// <summary>
    /// Reject, at compile time, the functions whose result depends on order (first(), last(), tail(), skip(), take()
    /// and the indexer) when applied to the unordered results of children() and descendants() — the spec's optional
    /// strict check (the HL7 suite's <c>checkOrderedFunctions</c>).
    /// </summary>
    public bool CheckOrderedFunctions { get; init; }

    /// <summary>
    /// Make as() and the <c>as</c> operator an error on more than one item, as FHIRPath says. Off by default, as in
    /// the HL7 reference validator for versions before R5: R4 core invariants (dom-3:
    /// <c>descendants().as(canonical)</c>) and R4 search parameters apply <c>as</c> to collections, where it filters like ofType().
    /// </summary>
    public bool EnforceAsSingleton { get; init; }

    /// <summary>
    /// Let a FHIR primitive also be of the System type its value is for <c>is</c>, <c>as</c> and <c>ofType</c>
    /// (<c>answer is Boolean</c> on a FHIR <c>boolean</c>), as the HL7 reference validator evaluates R4's invariants:
    /// que-7 (<c>operator = 'exists' implies (answer is Boolean)</c>) is written that way. Off by default, as the
    /// FHIRPath suite expects (<c>Patient.active.is(Boolean)</c> is false); the validator turns it on for invariants.
    /// </summary>
    public bool PrimitivesAsSystemTypes { get; init; }
}
