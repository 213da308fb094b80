using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Values;

namespace FhirGateway.FhirPath.Operators;

/// <summary><c>&lt; &lt;= &gt; &gt;=</c> on single items (spec §6.2): numbers, strings, dates/times, quantities of one dimension.</summary>
internal static class Comparison
{
    /// <summary>The sign of left - right; null for empty operands or precisions that make the order unknown.</summary>
    public static int? Compare(IReadOnlyList<object> left, IReadOnlyList<object> right, string op)
    {
        var l = Items.SingleOrNone(left, $"Operator '{op}'");
        var r = Items.SingleOrNone(right, $"Operator '{op}'");
        if (l is null || r is null) return null;
        var x = Items.ToSystem(l);
        var y = Items.ToSystem(r);
        if (x is null || y is null) return null;
        return CompareItems(x, y, op);
    }

    public static int? CompareItems(object x, object y, string op)
    {
        if (Numbers.TryDecimal(x, out var dx) && Numbers.TryDecimal(y, out var dy)) return dx.CompareTo(dy);
        if (x is string sx && y is string sy) return string.CompareOrdinal(sx, sy) switch { < 0 => -1, > 0 => 1, _ => 0 };
        if (DateTimes.TryCompare(x, y, out var c)) return c;
        if (x is Quantity qx && y is Quantity qy)
        {
            if (qx.Unit == qy.Unit) return qx.Value.CompareTo(qy.Value);
            return Ucum.Compare(qx, qy);
        }
        throw new EvaluationError($"Cannot compare {Describe(x)} with {Describe(y)} using '{op}'");
    }

    public static string Describe(object v) => Items.SystemTypeName(v) ?? (v as Fhir.Model.ElementNode)?.InstanceType ?? v.GetType().Name;
}
