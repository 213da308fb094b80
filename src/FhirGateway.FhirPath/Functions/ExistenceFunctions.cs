using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Operators;

namespace FhirGateway.FhirPath.Functions;

/// <summary>Existence functions (spec §5.1) and not().</summary>
internal static class ExistenceFunctions
{
    public static void Register(FunctionTable.Registry r)
    {
        r.Add("empty(): Boolean", false, static (f, _, in _) => Items.Bool(f.Count == 0));
        r.Add("exists(Criterion?): Boolean", false, Exists);
        r.Add("all(Criterion): Boolean", false, All);
        r.Add("allTrue(): Boolean", false, static (f, _, in _) => Items.Bool(Every(f, true, "allTrue")));
        r.Add("anyTrue(): Boolean", false, static (f, _, in _) => Items.Bool(Any(f, true, "anyTrue")));
        r.Add("allFalse(): Boolean", false, static (f, _, in _) => Items.Bool(Every(f, false, "allFalse")));
        r.Add("anyFalse(): Boolean", false, static (f, _, in _) => Items.Bool(Any(f, false, "anyFalse")));
        r.Add("subsetOf(Any): Boolean", false, static (f, a, in s) => Items.Bool(IsSubset(f, a.Value(0, s))));
        r.Add("supersetOf(Any): Boolean", false, static (f, a, in s) => Items.Bool(IsSubset(a.Value(0, s), f)));
        r.Add("count(): Integer", false, static (f, _, in _) => Items.Integer(f.Count));
        r.Add("distinct(): Input", true, static (f, _, in _) => Distinct(f));
        r.Add("isDistinct(): Boolean", false, static (f, _, in _) => Items.Bool(Distinct(f).Count == f.Count));
        r.Add("not(): Boolean", true, static (f, _, in _) => Logic.ToBoolean(f, "not()") is { } b ? Items.Bool(!b) : Items.Empty);
    }

    private static IReadOnlyList<object> Exists(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        if (args.Count == 0) return Items.Bool(focus.Count > 0);
        for (var i = 0; i < focus.Count; i++)
            if (Logic.ToBoolean(args[0](scope.ForItem(focus[i], i)), "exists()") == true) return Items.TrueList;
        return Items.FalseList;
    }

    private static IReadOnlyList<object> All(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        for (var i = 0; i < focus.Count; i++)
            if (Logic.ToBoolean(args[0](scope.ForItem(focus[i], i)), "all()") != true) return Items.FalseList;
        return Items.TrueList;
    }

    private static bool Every(IReadOnlyList<object> focus, bool value, string name)
    {
        foreach (var item in focus)
            if (Bool(item, name) != value) return false;
        return true;
    }

    private static bool Any(IReadOnlyList<object> focus, bool value, string name)
    {
        foreach (var item in focus)
            if (Bool(item, name) == value) return true;
        return false;
    }

    private static bool Bool(object item, string name) =>
        Items.ToSystem(item) is bool b ? b : throw new EvaluationError($"{name}() expects booleans but got {Comparison.Describe(item)}");

    private static bool IsSubset(IReadOnlyList<object> subset, IReadOnlyList<object> superset)
    {
        foreach (var item in subset)
            if (!Collections.Contains(superset, item)) return false;
        return true;
    }

    public static IReadOnlyList<object> Distinct(IReadOnlyList<object> focus)
    {
        if (focus.Count <= 1) return focus;
        var result = new List<object>(focus.Count);
        Collections.AddDistinct(result, focus);
        return result;
    }
}
