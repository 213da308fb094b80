using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Operators;
using FhirGateway.FhirPath.Values;

namespace FhirGateway.FhirPath.Functions;

/// <summary>Math (spec §5.7) on a single integer or decimal (abs also on quantities), in decimal arithmetic (<see cref="DecimalMath"/>). Results that are not real numbers are empty.</summary>
internal static class MathFunctions
{
    public static void Register(FunctionTable.Registry r)
    {
        r.Add("abs(): Input", true, static (f, _, in _) => In(f, "abs") switch
        {
            int i => [Math.Abs(i)],
            decimal d => [Math.Abs(d)],
            Quantity q => [q with { Value = Math.Abs(q.Value) }],
            var v => throw Wrong("abs", v),
        });
        r.Add("Number.ceiling(): Integer", true, static (f, _, in _) => [(int)Math.Ceiling(Number(f, "ceiling"))]);
        r.Add("Number.floor(): Integer", true, static (f, _, in _) => [(int)Math.Floor(Number(f, "floor"))]);
        r.Add("Number.truncate(): Integer", true, static (f, _, in _) => [(int)Math.Truncate(Number(f, "truncate"))]);
        r.Add("Number.exp(): Decimal", true, static (f, _, in _) => Real(DecimalMath.Exp(Number(f, "exp"))));
        r.Add("Number.ln(): Decimal", true, static (f, _, in _) => Real(DecimalMath.Ln(Number(f, "ln"))));
        r.Add("Number.sqrt(): Decimal", true, static (f, _, in _) => Real(DecimalMath.Sqrt(Number(f, "sqrt"))));
        r.Add("Number.log(Number): Decimal", true, static (f, a, in s) => Numbers.TryDecimal(a.Single(0, s, "log"), out var b) ? Real(DecimalMath.Log(Number(f, "log"), b)) : Items.Empty);
        r.Add("Number.power(Number): Any", true, Power);
        r.Add("Number.round(Integer?): Decimal", true, Round);
    }

    private static object In(IReadOnlyList<object> focus, string name) =>
        Items.ToSystem(Items.SingleOrNone(focus, name + "()")!) ?? throw new EvaluationError($"{name}() needs a value");

    private static EvaluationError Wrong(string name, object v) => new($"{name}() expects a number but got {Comparison.Describe(v)}");

    private static decimal Number(IReadOnlyList<object> focus, string name)
    {
        var v = In(focus, name);
        return Numbers.TryDecimal(v, out var d) ? d : throw Wrong(name, v);
    }

    /// <summary>A decimal result, or empty when it is not a real number in range.</summary>
    private static IReadOnlyList<object> Real(decimal? x) => x is { } d ? [d] : Items.Empty;

    private static IReadOnlyList<object> Power(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var x = In(focus, "power");
        var y = args.Single(0, scope, "power");
        if (y is null) return Items.Empty;
        if (!Numbers.TryDecimal(x, out var dx) || !Numbers.TryDecimal(y, out var dy)) throw Wrong("power", x);
        var result = DecimalMath.Power(dx, dy);
        if (x is int && y is int b && b >= 0) return result is { } r && Math.Abs(r) <= int.MaxValue ? [(int)r] : Items.Empty;
        return Real(result);
    }

    private static IReadOnlyList<object> Round(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var d = Number(focus, "round");
        var precision = args.Count > 0 ? args.Integer(0, scope, "round") ?? 0 : 0;
        if (precision < 0) throw new EvaluationError("round() precision must not be negative");
        return [Math.Round(d, precision, MidpointRounding.AwayFromZero)];
    }
}
