using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Values;

namespace FhirGateway.FhirPath.Evaluation;

/// <summary>
/// What the static checks know of a result: its possible types (null when unknown) and whether its order is undefined
/// (the results of children() and descendants()). A check fires only when every possible type is known and none fits.
/// </summary>
internal readonly record struct StaticShape(TypeDescriptor[]? Types, bool Unordered)
{
    public static readonly StaticShape Unknown = new(null, false);

    private static readonly Dictionary<string, TypeDescriptor> SystemDescriptors = new[]
    {
        "Boolean", "Integer", "Decimal", "String", "Date", "DateTime", "Time", "Quantity",
    }.ToDictionary(n => n, n => new TypeDescriptor { Name = "System." + n, TypeCode = "System." + n, Kind = TypeKind.System, Properties = [], SystemType = "System." + n }, StringComparer.Ordinal);

    /// <summary>A System type (<c>Boolean</c>, <c>String</c>…).</summary>
    public static StaticShape System(string name) => SystemDescriptors.TryGetValue(name, out var d) ? new([d], false) : Unknown;

    /// <summary>The shape of a literal; the empty literal <c>{}</c> is left unknown.</summary>
    public static StaticShape OfLiteral(object? value) => value switch
    {
        bool => System("Boolean"),
        int => System("Integer"),
        decimal => System("Decimal"),
        string => System("String"),
        PartialDate => System("Date"),
        PartialDateTime => System("DateTime"),
        PartialTime => System("Time"),
        Quantity => System("Quantity"),
        _ => Unknown,
    };

    /// <summary>The System type a type's values are, for primitives and System types; null for complex types and resources.</summary>
    public static string? SystemTypeOf(TypeDescriptor t) => t.Kind switch
    {
        TypeKind.System => t.Name,
        TypeKind.Primitive => t.SystemType ?? "System.String",
        _ => null,
    };

    /// <summary>True when the types are all known and none is one of <paramref name="systemTypes"/> (or convertible to one).</summary>
    public bool ProvesNot(params string[] systemTypes)
    {
        if (Types is null || Types.Length == 0) return false;
        foreach (var t in Types)
        {
            var s = SystemTypeOf(t);
            if (s is null)
            {
                if (t.IsAbstract || t.Kind is TypeKind.Logical) return false;
                continue;
            }
            if (Array.IndexOf(systemTypes, s) >= 0) return false;
        }
        return true;
    }

    /// <summary>True when every possible type is a System value of one of <paramref name="systemTypes"/> (literals and computed values).</summary>
    public bool IsOnly(params string[] systemTypes)
    {
        if (Types is null || Types.Length == 0) return false;
        foreach (var t in Types)
            if (SystemTypeOf(t) is not { } s || Array.IndexOf(systemTypes, s) < 0) return false;
        return true;
    }

    /// <summary>True when every possible type is a System type (a literal or a computed value), not a FHIR element.</summary>
    public bool IsSystemOnly => Types is { Length: > 0 } && Array.TrueForAll(Types, t => t.Kind == TypeKind.System);

    public string Describe() => Types is null ? "unknown" : string.Join(" or ", Types.Select(t => t.Name).Distinct());
}
