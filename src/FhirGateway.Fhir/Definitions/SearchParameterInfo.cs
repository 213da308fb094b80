namespace FhirGateway.Fhir.Definitions;

/// <summary>The computable part of a SearchParameter: code, the resource types it applies to, its type and FHIRPath expression.</summary>
public sealed record SearchParameterInfo
{
    public required string Url { get; init; }
    public string? Version { get; init; }
    public string? Name { get; init; }
    public required string Code { get; init; }
    public IReadOnlyList<string> Base { get; init; } = [];
    /// <summary>number, date, string, token, reference, composite, quantity, uri or special.</summary>
    public required string Type { get; init; }
    public string? Expression { get; init; }
    public IReadOnlyList<string> Target { get; init; } = [];
    public IReadOnlyList<string> Comparators { get; init; } = [];
    public IReadOnlyList<string> Modifiers { get; init; } = [];
    public IReadOnlyList<string> Chains { get; init; } = [];
    public IReadOnlyList<SearchParameterComponentInfo> Components { get; init; } = [];

    public string Canonical => Version is null ? Url : $"{Url}|{Version}";
    public override string ToString() => Canonical;
}

/// <summary>A part of a composite search parameter: the parameter it uses and the expression relative to the composite's.</summary>
public sealed record SearchParameterComponentInfo(string Definition, string Expression);
