namespace FhirGateway.Fhir.Definitions;

/// <summary>
/// What a source knows about a definition without reading it: kind, canonical URL, version, name, and for
/// StructureDefinitions the type and derivation (for SearchParameters, <see cref="Type"/> holds the code).
/// </summary>
public sealed record DefinitionEntry(DefinitionKind Kind, string Url, string? Version, string? Name, string? Type = null, string? Derivation = null)
{
    public string Canonical => Version is null ? Url : $"{Url}|{Version}";
    public override string ToString() => $"{Kind} {Canonical}";
}
