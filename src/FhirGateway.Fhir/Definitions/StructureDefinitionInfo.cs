namespace FhirGateway.Fhir.Definitions;

/// <summary>
/// The computable part of a StructureDefinition: identity, type, derivation, context and the snapshot and
/// differential element lists. Immutable; shared by every reader, schema and validator.
/// </summary>
public sealed record StructureDefinitionInfo
{
    public required string Url { get; init; }
    public string? Version { get; init; }
    public required string Name { get; init; }
    public string? Title { get; init; }
    public string? Status { get; init; }
    /// <summary>primitive-type, complex-type, resource or logical.</summary>
    public required string Kind { get; init; }
    public bool Abstract { get; init; }
    /// <summary>The type constrained or defined: <c>Observation</c>, <c>Extension</c>, <c>string</c>.</summary>
    public required string Type { get; init; }
    public string? BaseDefinition { get; init; }
    /// <summary>specialization or constraint.</summary>
    public string? Derivation { get; init; }
    public string? FhirVersion { get; init; }
    public IReadOnlyList<ContextInfo> Contexts { get; init; } = [];
    public IReadOnlyList<string> ContextInvariants { get; init; } = [];
    /// <summary>The snapshot; empty when the definition carries only a differential and no snapshot was generated yet.</summary>
    public IReadOnlyList<ElementDefinitionInfo> Snapshot { get; init; } = [];
    public IReadOnlyList<ElementDefinitionInfo> Differential { get; init; } = [];

    public bool HasSnapshot => Snapshot.Count > 0;
    public string Canonical => Version is null ? Url : $"{Url}|{Version}";
    public override string ToString() => Canonical;
}

/// <summary>Where an extension may be used: type fhirpath, element or extension, and the expression.</summary>
public sealed record ContextInfo(string Type, string Expression);
