using FhirGateway.Validation.Schema;
using FhirGateway.Validation.Slicing;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// One child element a definition allows: its name in the instance (<c>value</c> for <c>value[x]</c>), its
/// cardinality, its schema, and its slicing when it is sliced.
/// </summary>
internal sealed record ChildSpec(string Name, string Path, Cardinality Cardinality, ElementSchema Schema, SliceGroup? Slicing);

/// <summary>min..max of an element, with max as written ("*" is unbounded).</summary>
internal readonly record struct Cardinality(int Min, int Max, string MaxText)
{
    public static Cardinality Of(int? min, string? max)
    {
        var m = max is null or "*" ? int.MaxValue : int.TryParse(max, out var n) ? n : int.MaxValue;
        return new Cardinality(min ?? 0, m, max ?? "*");
    }

    public bool IsUnbounded => Max == int.MaxValue;

    public override string ToString() => $"{Min}..{MaxText}";
}
