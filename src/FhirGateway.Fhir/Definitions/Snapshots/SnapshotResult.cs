using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>The definition with its generated snapshot, and the problems found in its differential.</summary>
public sealed record SnapshotResult(StructureDefinitionInfo Definition, IReadOnlyList<Issue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.IsError);
}
