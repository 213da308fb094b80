using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Operators;
using FhirGateway.FhirPath.Values;

namespace FhirGateway.FhirPath.Functions;

/// <summary>Utility functions (spec §5.9) and aggregate() (§7), sort() (2.1).</summary>
internal static class UtilityFunctions
{
    public static void Register(FunctionTable.Registry r)
    {
        r.Add("trace(String, Expression?): Input", false, Trace);
        r.Add("now(): DateTime", false, static (_, _, in s) => [PartialDateTime.FromDateTimeOffset(s.Run.Now)]);
        r.Add("today(): Date", false, static (_, _, in s) => [PartialDate.FromDateTime(s.Run.Now.DateTime)]);
        r.Add("timeOfDay(): Time", false, static (_, _, in s) => [PartialTime.FromTimeOfDay(s.Run.Now.DateTime)]);
        r.Add("aggregate(Expression, Any?): Any", false, Aggregate);
        r.Add("sort(SortKey*): Input [sorts]", true, Sort);
    }

    /// <summary>trace(name[, projection]): hands the collection (or its projection) to the environment's trace sink, returns the input.</summary>
    private static IReadOnlyList<object> Trace(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        if (scope.Run.Environment.Trace is not { } sink) return focus;
        var name = args.String(0, scope, "trace") ?? "";
        IReadOnlyList<object> traced = focus;
        if (args.Count > 1)
        {
            var projected = new List<object>();
            for (var i = 0; i < focus.Count; i++) projected.AddRange(args[1](scope.ForItem(focus[i], i)));
            traced = projected;
        }
        sink(name, traced);
        return focus;
    }

    /// <summary>aggregate(aggregator[, init]): $total starts as init (or empty) and becomes the aggregator's result for each item.</summary>
    private static IReadOnlyList<object> Aggregate(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var total = args.Count > 1 ? args.Value(1, scope) : Items.Empty;
        for (var i = 0; i < focus.Count; i++) total = args[0](scope.WithTotal(focus[i], i, total));
        return total;
    }

    /// <summary>sort([key…]): a stable sort by the keys (a key written <c>-expr</c> sorts descending; an empty key sorts first); without keys by the items themselves.</summary>
    private static IReadOnlyList<object> Sort(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var keys = new object?[focus.Count][];
        for (var i = 0; i < focus.Count; i++)
        {
            var k = new object?[Math.Max(1, args.Count)];
            if (args.Count == 0) k[0] = Items.ToSystem(focus[i]);
            for (var j = 0; j < args.Count; j++)
            {
                var value = Items.SingleOrNone(args[j](scope.ForItem(focus[i], i)), "A sort key");
                k[j] = value is null ? null : Items.ToSystem(value);
            }
            keys[i] = k;
        }
        var order = new int[focus.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var descending = new bool[Math.Max(1, args.Count)];
        for (var j = 0; j < args.Count; j++) descending[j] = args.IsDescending(j);
        var sorted = order.OrderBy(i => i, Comparer<int>.Create((a, b) =>
        {
            for (var j = 0; j < descending.Length; j++)
            {
                var (x, y) = (keys[a][j], keys[b][j]);
                if (x is null || y is null)
                {
                    if (x is null && y is null) continue;
                    return x is null ? -1 : 1;
                }
                var c = Comparison.CompareItems(x, y, "sort") ?? 0;
                if (c != 0) return descending[j] ? -c : c;
            }
            return 0;
        })).ToArray();
        var result = new object[focus.Count];
        for (var i = 0; i < sorted.Length; i++) result[i] = focus[sorted[i]];
        return result;
    }
}
