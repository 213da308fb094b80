using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Operators;

namespace FhirGateway.FhirPath.Functions;

/// <summary>Subsetting (spec §5.3): single, first, last, tail, skip, take, intersect, exclude.</summary>
internal static class SubsettingFunctions
{
    public static void Register(FunctionTable.Registry r)
    {
        r.Add("single(): Input", true, static (f, _, in _) => f.Count == 1 ? f : throw new EvaluationError($"single() expects one item but got {f.Count}"));
        r.Add("first(): Input [ordered]", true, static (f, _, in _) => f.Count == 1 ? f : [f[0]]);
        r.Add("last(): Input [ordered]", true, static (f, _, in _) => f.Count == 1 ? f : [f[^1]]);
        r.Add("tail(): Input [ordered]", true, static (f, _, in _) => Slice(f, 1, int.MaxValue));
        r.Add("skip(Integer): Input [ordered]", true, static (f, a, in s) => a.Integer(0, s, "skip") is { } n ? Slice(f, n, int.MaxValue) : Items.Empty);
        r.Add("take(Integer): Input [ordered]", true, static (f, a, in s) => a.Integer(0, s, "take") is { } n ? Slice(f, 0, n) : Items.Empty);
        r.Add("intersect(Any): Input", true, Intersect);
        r.Add("exclude(Any): Input", true, Exclude);
    }

    private static IReadOnlyList<object> Slice(IReadOnlyList<object> f, int skip, int take)
    {
        if (skip < 0) skip = 0;
        if (take <= 0 || skip >= f.Count) return Items.Empty;
        var end = (int)Math.Min((long)skip + take, f.Count);
        if (skip == 0 && end == f.Count) return f;
        var result = new object[end - skip];
        for (var i = skip; i < end; i++) result[i - skip] = f[i];
        return result;
    }

    private static IReadOnlyList<object> Intersect(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var other = args.Value(0, scope);
        var result = new List<object>();
        foreach (var item in focus)
            if (Collections.Contains(other, item) && !Collections.Contains(result, item)) result.Add(item);
        return result;
    }

    private static IReadOnlyList<object> Exclude(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var other = args.Value(0, scope);
        var result = new List<object>();
        foreach (var item in focus)
            if (!Collections.Contains(other, item)) result.Add(item);
        return result;
    }
}
