using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Values;

namespace FhirGateway.FhirPath.Operators;

/// <summary>Equality (<c>=</c>, <c>!=</c>) and equivalence (<c>~</c>, <c>!~</c>) of items and collections (spec §6.1).</summary>
internal static class Equality
{
    /// <summary><c>=</c>: empty when either side is empty; false when counts differ; item by item in order.</summary>
    public static bool? Equal(IReadOnlyList<object> left, IReadOnlyList<object> right)
    {
        if (left.Count == 0 || right.Count == 0) return null;
        if (left.Count != right.Count) return false;
        var unknown = false;
        for (var i = 0; i < left.Count; i++)
        {
            var r = ItemsEqual(left[i], right[i]);
            if (r == false) return false;
            if (r is null) unknown = true;
        }
        return unknown ? null : true;
    }

    /// <summary><c>~</c>: two empties are equivalent; otherwise every item has an equivalent in the other, in any order.</summary>
    public static bool Equivalent(IReadOnlyList<object> left, IReadOnlyList<object> right)
    {
        if (left.Count != right.Count) return false;
        if (left.Count == 1) return ItemsEquivalent(left[0], right[0]);
        var used = new bool[right.Count];
        foreach (var l in left)
        {
            var found = false;
            for (var j = 0; j < right.Count && !found; j++)
            {
                if (used[j] || !ItemsEquivalent(l, right[j])) continue;
                used[j] = true;
                found = true;
            }
            if (!found) return false;
        }
        return true;
    }

    public static bool? ItemsEqual(object a, object b)
    {
        var x = Items.ToSystem(a);
        var y = Items.ToSystem(b);
        if (x is null || y is null) return null;
        switch (x)
        {
            case string s: return y is string t ? string.Equals(s, t, StringComparison.Ordinal) : false;
            case bool p: return y is bool q ? p == q : false;
            case int or long or decimal when Numbers.TryDecimal(y, out var dy): return Numbers.ToDecimal(x) == dy;
            case Quantity qa when y is Quantity qb: return QuantityEqual(qa, qb, false);
            case ElementNode na when y is ElementNode nb: return NodesEqual(na, nb, false);
        }
        if (DateTimes.TryCompare(x, y, out var c)) return c is null ? null : c == 0;
        return false;
    }

    public static bool ItemsEquivalent(object a, object b)
    {
        var x = Items.ToSystem(a);
        var y = Items.ToSystem(b);
        if (x is null || y is null) return x is null && y is null;
        switch (x)
        {
            case string s: return y is string t && Normalize(s) == Normalize(t);
            case bool p: return y is bool q && p == q;
            case int or long or decimal when Numbers.TryDecimal(y, out var dy): return Numbers.EquivalentDecimals(Numbers.ToDecimal(x), dy);
            case Quantity qa when y is Quantity qb: return QuantityEqual(qa, qb, true) == true;
            case ElementNode na when y is ElementNode nb: return NodesEqual(na, nb, true) == true;
        }
        return DateTimes.TryCompare(x, y, out var c) && c == 0;
    }

    private static string Normalize(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>Quantities are equal when their canonical values are equal; calendar years/months against UCUM time units give empty (equality) or compare as UCUM (equivalence).</summary>
    public static bool? QuantityEqual(Quantity a, Quantity b, bool equivalence)
    {
        if (a.Unit == b.Unit) return equivalence ? Numbers.EquivalentDecimals(a.Value, b.Value) : a.Value == b.Value;
        var da = Ucum.Dimension(a);
        var db = Ucum.Dimension(b);
        if (da is null || db is null) return false;
        if (da != db)
        {
            var calendar = da.StartsWith("calendar-", StringComparison.Ordinal) || db.StartsWith("calendar-", StringComparison.Ordinal);
            if (!calendar) return false;
            if (!equivalence) return null;
            var ua = a.CalendarUnit is { } cua ? new Quantity(a.Value, cua == "year" ? "a" : cua == "month" ? "mo" : a.Unit) : a;
            var ub = b.CalendarUnit is { } cub ? new Quantity(b.Value, cub == "year" ? "a" : cub == "month" ? "mo" : b.Unit) : b;
            return QuantityEqual(ua, ub, true);
        }
        if (!equivalence) return Ucum.Compare(a, b) == 0;
        return Ucum.ValueIn(b, a) is { } bv && Numbers.EquivalentDecimals(a.Value, bv);
    }

    /// <summary>Complex values are equal when their children are pairwise equal, by name and in order.</summary>
    private static bool? NodesEqual(ElementNode a, ElementNode b, bool equivalence)
    {
        if (ReferenceEquals(a, b)) return true;
        var ca = a.Children;
        var cb = b.Children;
        if (equivalence)
        {
            var la = new List<ElementNode>(ca.Count);
            var lb = new List<ElementNode>(cb.Count);
            foreach (var c in ca) if (c.Name != "id") la.Add(c);
            foreach (var c in cb) if (c.Name != "id") lb.Add(c);
            ca = la;
            cb = lb;
        }
        if (ca.Count != cb.Count) return false;
        if (a.Text != b.Text) return false;
        for (var i = 0; i < ca.Count; i++)
        {
            if (ca[i].Name != cb[i].Name) return false;
            var r = equivalence ? ItemsEquivalent(ca[i], cb[i]) : ItemsEqual(ca[i], cb[i]);
            if (r != true) return r;
        }
        return true;
    }
}
