namespace FhirGateway.Fhir.Definitions;

/// <summary>
/// The computable part of a ValueSet: identity, the compose rules and, when the package ships one, the
/// expansion. Narrative and descriptions are not kept. Immutable.
/// </summary>
public sealed record ValueSetInfo
{
    public required string Url { get; init; }
    public string? Version { get; init; }
    public string? Name { get; init; }
    public string? Title { get; init; }
    public string? Status { get; init; }
    public bool? Immutable { get; init; }
    public ValueSetComposeInfo? Compose { get; init; }
    public ValueSetExpansionInfo? Expansion { get; init; }

    public string Canonical => Version is null ? Url : $"{Url}|{Version}";
    public override string ToString() => Canonical;
}

public sealed record ValueSetComposeInfo
{
    public string? LockedDate { get; init; }
    public bool? Inactive { get; init; }
    public IReadOnlyList<ConceptSetInfo> Include { get; init; } = [];
    public IReadOnlyList<ConceptSetInfo> Exclude { get; init; } = [];
}

/// <summary>One include or exclude rule: codes from a system (listed, filtered or all) and/or other value sets.</summary>
public sealed record ConceptSetInfo
{
    public string? System { get; init; }
    public string? Version { get; init; }
    public IReadOnlyList<ConceptReferenceInfo> Concepts { get; init; } = [];
    public IReadOnlyList<ValueSetFilterInfo> Filters { get; init; } = [];
    public IReadOnlyList<string> ValueSets { get; init; } = [];
}

public sealed record ConceptReferenceInfo(string Code, string? Display);

/// <summary>A compose filter: property, operator (=, is-a, descendent-of, regex…) and value.</summary>
public sealed record ValueSetFilterInfo(string Property, string Op, string Value);

public sealed record ValueSetExpansionInfo
{
    public string? Identifier { get; init; }
    public string? Timestamp { get; init; }
    public int? Total { get; init; }
    public IReadOnlyList<ExpansionContainsInfo> Contains { get; init; } = [];
}

/// <summary>One code of an expansion; nested codes sit in <see cref="Contains"/>.</summary>
public sealed record ExpansionContainsInfo
{
    public string? System { get; init; }
    public string? Version { get; init; }
    public string? Code { get; init; }
    public string? Display { get; init; }
    public bool Abstract { get; init; }
    public bool Inactive { get; init; }
    public IReadOnlyList<ExpansionContainsInfo> Contains { get; init; } = [];
}
