using FhirGateway.FhirPath.Evaluation;

namespace FhirGateway.FhirPath.Operators;

/// <summary>Union and membership (spec §6.4), with item equality as the sameness test.</summary>
internal static class Collections
{
    public static IReadOnlyList<object> Union(IReadOnlyList<object> left, IReadOnlyList<object> right)
    {
        if (left.Count == 0 && right.Count == 0) return Items.Empty;
        var result = new List<object>(left.Count + right.Count);
        AddDistinct(result, left);
        AddDistinct(result, right);
        return result;
    }

    public static void AddDistinct(List<object> into, IReadOnlyList<object> items)
    {
        if (into.Count + items.Count > 16 && TryAddDistinctStrings(into, items)) return;
        foreach (var item in items)
            if (!Contains(into, item)) into.Add(item);
    }

    /// <summary>
    /// The same as the item-by-item loop when every item is a string (or a FHIR primitive whose value is one),
    /// whose equality is ordinal: a hash set keeps large unions and distinct() linear instead of quadratic.
    /// </summary>
    private static bool TryAddDistinctStrings(List<object> into, IReadOnlyList<object> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var x in into)
            if (Items.ToSystem(x) is string s) seen.Add(s);
            else return false;
        foreach (var x in items)
            if (Items.ToSystem(x) is not string) return false;
        foreach (var x in items)
            if (seen.Add((string)Items.ToSystem(x)!)) into.Add(x);
        return true;
    }

    public static bool Contains(IReadOnlyList<object> collection, object item)
    {
        foreach (var c in collection)
            if (ReferenceEquals(c, item) || Equality.ItemsEqual(c, item) == true) return true;
        return false;
    }

    /// <summary><c>item in collection</c>: empty when the item side is empty; an error for several items.</summary>
    public static IReadOnlyList<object> Membership(IReadOnlyList<object> item, IReadOnlyList<object> collection, string op)
    {
        var single = Items.SingleOrNone(item, $"Operator '{op}'");
        if (single is null) return Items.Empty;
        return Items.Bool(Contains(collection, single));
    }
}
