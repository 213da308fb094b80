namespace FhirGateway.Fhir.Definitions;

/// <summary>
/// The computable part of an ElementDefinition: what validation, snapshot generation and the readers need, with the
/// short and formal definitions that every snapshot element carries (sdf-3). Other narrative fields (comments,
/// requirements, mappings, examples) are not kept. Immutable.
/// </summary>
public sealed record ElementDefinitionInfo
{
    public required string Path { get; init; }
    public string? Id { get; init; }
    public string? SliceName { get; init; }
    public int? Min { get; init; }
    /// <summary>"1", "*", "0"… as written; null when a differential does not say.</summary>
    public string? Max { get; init; }
    public ElementBaseInfo? Base { get; init; }
    public IReadOnlyList<TypeRefInfo> Types { get; init; } = [];
    /// <summary>A <c>#Path</c> reference to the element whose definition this one reuses (<c>Questionnaire.item.item</c>).</summary>
    public string? ContentReference { get; init; }
    public IReadOnlyList<string> Representation { get; init; } = [];
    public string? Short { get; init; }
    /// <summary>The formal definition (<c>definition</c>): a snapshot element inherits it from the element it constrains.</summary>
    public string? Definition { get; init; }
    public FhirValue? Fixed { get; init; }
    public FhirValue? Pattern { get; init; }
    public FhirValue? MinValue { get; init; }
    public FhirValue? MaxValue { get; init; }
    public FhirValue? DefaultValue { get; init; }
    public int? MaxLength { get; init; }
    public IReadOnlyList<string> Condition { get; init; } = [];
    public IReadOnlyList<ConstraintInfo> Constraints { get; init; } = [];
    public BindingInfo? Binding { get; init; }
    public SlicingInfo? Slicing { get; init; }
    public bool? MustSupport { get; init; }
    public bool? IsModifier { get; init; }
    public string? IsModifierReason { get; init; }
    public bool? IsSummary { get; init; }
    public override string ToString() => SliceName is null ? Path : $"{Path}:{SliceName}";
}

public sealed record ElementBaseInfo(string Path, int Min, string Max);

/// <summary>One allowed type of an element: its code and the profiles that constrain it or the targets it may reference.</summary>
public sealed record TypeRefInfo
{
    /// <summary>The type code as written (<c>Quantity</c>, <c>http://hl7.org/fhirpath/System.String</c>).</summary>
    public required string Code { get; init; }
    /// <summary>The FHIR type named by the structuredefinition-fhir-type extension on system-typed elements (<c>string</c> for Element.id).</summary>
    public string? FhirTypeExtension { get; init; }
    /// <summary>The regex extension on a primitive's value element, which gives the type's lexical rule.</summary>
    public string? Regex { get; init; }
    public IReadOnlyList<string> Profiles { get; init; } = [];
    public IReadOnlyList<string> TargetProfiles { get; init; } = [];
    public IReadOnlyList<string> Aggregation { get; init; } = [];
    public string? Versioning { get; init; }
}

/// <summary>A constraint (invariant) with its FHIRPath expression.</summary>
public sealed record ConstraintInfo(string Key, string Severity, string Human, string? Expression, string? Source)
{
    /// <summary>True for constraints marked best practice (the elementdefinition-bestpractice extension).</summary>
    public bool BestPractice { get; init; }
}

public sealed record BindingInfo(string Strength, string? ValueSet)
{
    public string? Description { get; init; }
}

public sealed record SlicingInfo
{
    public IReadOnlyList<DiscriminatorInfo> Discriminators { get; init; } = [];
    public bool Ordered { get; init; }
    /// <summary>closed, open or openAtEnd.</summary>
    public string Rules { get; init; } = "open";
    public string? Description { get; init; }
}

/// <summary>A slicing discriminator: type (value, exists, pattern, type, profile) and FHIRPath path.</summary>
public sealed record DiscriminatorInfo(string Type, string Path);

/// <summary>
/// A value of some FHIR type held by a definition (fixed[x], pattern[x], minValue[x]…): the type from the
/// property suffix and the value's JSON text exactly as written, parsed into an element tree when needed.
/// </summary>
public sealed record FhirValue(string TypeCode, string Json);
