namespace FhirGateway.Fhir.Definitions;

/// <summary>
/// The computable part of a CodeSystem: identity, content mode, properties and the concept hierarchy with
/// codes, displays and property values. Definitions (prose) are not kept. Immutable.
/// </summary>
public sealed record CodeSystemInfo
{
    public required string Url { get; init; }
    public string? Version { get; init; }
    public string? Name { get; init; }
    public string? Title { get; init; }
    public string? Status { get; init; }
    /// <summary>not-present, example, fragment, complete or supplement.</summary>
    public string? Content { get; init; }
    public bool? CaseSensitive { get; init; }
    /// <summary>grouped-by, is-a, part-of or classified-with.</summary>
    public string? HierarchyMeaning { get; init; }
    /// <summary>The value set holding every code of the system.</summary>
    public string? ValueSet { get; init; }
    public string? Supplements { get; init; }
    public int? Count { get; init; }
    public IReadOnlyList<CodeSystemPropertyInfo> Properties { get; init; } = [];
    public IReadOnlyList<CodeSystemConceptInfo> Concepts { get; init; } = [];

    public string Canonical => Version is null ? Url : $"{Url}|{Version}";
    public override string ToString() => Canonical;
}

/// <summary>A property the system defines for its concepts: code, uri and type (code, Coding, string, boolean…).</summary>
public sealed record CodeSystemPropertyInfo(string Code, string? Uri, string Type);

/// <summary>One concept; child concepts (is-a or part-of, as the hierarchy meaning says) sit in <see cref="Concepts"/>.</summary>
public sealed record CodeSystemConceptInfo
{
    public required string Code { get; init; }
    public string? Display { get; init; }
    public IReadOnlyList<DesignationInfo> Designations { get; init; } = [];
    public IReadOnlyList<ConceptPropertyInfo> Properties { get; init; } = [];
    public IReadOnlyList<CodeSystemConceptInfo> Concepts { get; init; } = [];
    public override string ToString() => Display is null ? Code : $"{Code} ({Display})";
}

public sealed record DesignationInfo(string? Language, string? UseSystem, string? UseCode, string Value);

/// <summary>A concept's property value (status, notSelectable, deprecated, parent…), typed by its value[x] suffix.</summary>
public sealed record ConceptPropertyInfo(string Code, FhirValue Value);
