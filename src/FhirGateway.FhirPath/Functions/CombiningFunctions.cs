using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Operators;

namespace FhirGateway.FhirPath.Functions;

/// <summary>Combining (spec §5.4): union (distinct) and combine (keeps duplicates).</summary>
internal static class CombiningFunctions
{
    public static void Register(FunctionTable.Registry r)
    {
        r.Add("union(Any): Any", false, static (f, a, in s) => Collections.Union(f, a.Value(0, s)));
        r.Add("combine(Any): Any", false, Combine);
    }

    private static IReadOnlyList<object> Combine(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var other = args.Value(0, scope);
        if (other.Count == 0) return focus;
        if (focus.Count == 0) return other;
        var result = new List<object>(focus.Count + other.Count);
        result.AddRange(focus);
        result.AddRange(other);
        return result;
    }
}
