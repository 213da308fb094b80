using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Operators;

namespace FhirGateway.FhirPath.Functions;

/// <summary>Filtering and projection (spec §5.2): where, select, repeat; ofType is with the type functions.</summary>
internal static class FilteringFunctions
{
    public static void Register(FunctionTable.Registry r)
    {
        r.Add("where(Criterion): Input", true, Where);
        r.Add("select(Expression): Projection", true, Select);
        r.Add("repeat(Expression): Projection", true, Repeat);
    }

    private static IReadOnlyList<object> Where(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        List<object>? result = null;
        for (var i = 0; i < focus.Count; i++)
        {
            if (Logic.ToBoolean(args[0](scope.ForItem(focus[i], i)), "where()") == true) (result ??= new List<object>(focus.Count)).Add(focus[i]);
        }
        return result is null ? Items.Empty : result.Count == focus.Count ? focus : result;
    }

    private static IReadOnlyList<object> Select(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        if (focus.Count == 1) return args[0](scope.ForItem(focus[0], 0));
        var result = new List<object>(focus.Count);
        for (var i = 0; i < focus.Count; i++) result.AddRange(args[0](scope.ForItem(focus[i], i)));
        return result;
    }

    /// <summary>Applies the projection to the input, then to each new item, until nothing new appears (items compared by equality).</summary>
    private static IReadOnlyList<object> Repeat(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var result = new List<object>();
        var queue = new Queue<object>(focus);
        while (queue.Count > 0)
        {
            var item = queue.Dequeue();
            foreach (var next in args[0](scope.ForItem(item, 0)))
            {
                if (Collections.Contains(result, next)) continue;
                result.Add(next);
                queue.Enqueue(next);
            }
        }
        return result;
    }
}
