namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>
/// Finds a StructureDefinition by canonical URL (optionally <c>url|version</c>): the base definitions of a
/// profile, the data types whose snapshots are unfolded, and the profiles named on types. Null when unknown.
/// </summary>
public delegate StructureDefinitionInfo? DefinitionLookup(string canonical);
