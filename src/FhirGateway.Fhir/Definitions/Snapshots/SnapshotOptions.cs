namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>How the generator treats the points where snapshot generators differ.</summary>
public sealed record SnapshotOptions
{
    /// <summary>
    /// Regenerate the snapshot of a base that is itself a constraint (a profile) from its differential even when
    /// it ships one. Off by default: the shipped snapshot of a base is authoritative. Specializations (core
    /// types and resources) always use their shipped snapshots.
    /// </summary>
    public bool RegenerateBaseSnapshots { get; init; }

    /// <summary>
    /// The R4 publisher's rendering of a renamed choice (<c>Observation.valueQuantity</c>) outside any slice: the
    /// choice element keeps its name, is restricted to the type and sliced by type, and the constraint goes to a
    /// type slice named <c>valueQuantity</c>. Inside a slice (and when off) the choice element is constrained in
    /// place. On by default, because the R4 core snapshots are written that way.
    /// </summary>
    public bool RenamedChoiceAsTypeSlice { get; init; } = true;

    public static SnapshotOptions Default { get; } = new();
}
