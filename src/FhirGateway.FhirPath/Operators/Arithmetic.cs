using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Values;

namespace FhirGateway.FhirPath.Operators;

/// <summary>The math operators (spec §6.6) on single items: integers stay integers except for <c>/</c>; decimals are exact; quantities carry units; dates take calendar quantities.</summary>
internal static class Arithmetic
{
    public static IReadOnlyList<object> Apply(string op, IReadOnlyList<object> left, IReadOnlyList<object> right)
    {
        if (op == "&") return Concatenate(left, right);
        var l = Items.SingleOrNone(left, $"Operator '{op}'");
        var r = Items.SingleOrNone(right, $"Operator '{op}'");
        if (l is null || r is null) return Items.Empty;
        var x = Items.ToSystem(l);
        var y = Items.ToSystem(r);
        if (x is null || y is null) return Items.Empty;
        return Items.Single(Compute(op, x, y));
    }

    private static IReadOnlyList<object> Concatenate(IReadOnlyList<object> left, IReadOnlyList<object> right)
    {
        var l = Items.SingleOrNone(left, "Operator '&'");
        var r = Items.SingleOrNone(right, "Operator '&'");
        var a = l is null ? "" : Items.ToSystem(l) as string ?? throw new EvaluationError("Operator '&' needs strings");
        var b = r is null ? "" : Items.ToSystem(r) as string ?? throw new EvaluationError("Operator '&' needs strings");
        return [a + b];
    }

    public static object? Compute(string op, object x, object y)
    {
        if (x is int a && y is int b) return Integers(op, a, b);
        if (Numbers.TryDecimal(x, out var dx) && Numbers.TryDecimal(y, out var dy)) return Decimals(op, dx, dy);
        if (x is string sx && y is string sy && op == "+") return sx + sy;
        if (x is Quantity qx)
        {
            if (y is Quantity qy) return Quantities(op, qx, qy);
            if (Numbers.TryDecimal(y, out var n) && op is "*" or "/")
                return op == "*" ? qx with { Value = qx.Value * n } : n == 0 ? null : qx with { Value = qx.Value / n };
        }
        if (Numbers.TryDecimal(x, out var m) && y is Quantity q2 && op == "*") return q2 with { Value = q2.Value * m };
        if (y is Quantity dq && op is "+" or "-")
        {
            var sign = op == "+" ? 1 : -1;
            switch (x)
            {
                case PartialDate d: return DateArithmetic.Add(d, dq, sign);
                case PartialDateTime dt: return DateArithmetic.Add(dt, dq, sign);
                case PartialTime t: return DateArithmetic.Add(t, dq, sign);
            }
        }
        throw new EvaluationError($"Operator '{op}' cannot be applied to {Comparison.Describe(x)} and {Comparison.Describe(y)}");
    }

    private static object? Integers(string op, int a, int b)
    {
        try
        {
            return op switch
            {
                "+" => checked(a + b),
                "-" => checked(a - b),
                "*" => checked(a * b),
                "/" => b == 0 ? null : (decimal)a / b,
                "div" => b == 0 ? null : a / b,
                "mod" => b == 0 ? null : a % b,
                _ => throw new EvaluationError($"Unknown operator '{op}'"),
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static object? Decimals(string op, decimal a, decimal b)
    {
        try
        {
            return op switch
            {
                "+" => Numbers.Unsigned0(a + b),
                "-" => Numbers.Unsigned0(a - b),
                "*" => Numbers.Unsigned0(a * b),
                "/" => b == 0 ? null : Numbers.Unsigned0(a / b),
                "div" => b == 0 ? null : (int)decimal.Truncate(a / b),
                "mod" => b == 0 ? null : a % b,
                _ => throw new EvaluationError($"Unknown operator '{op}'"),
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static Quantity? Quantities(string op, Quantity a, Quantity b)
    {
        switch (op)
        {
            case "*": return Ucum.Combine(a, b, false);
            case "/": return Ucum.Combine(a, b, true);
            case "+" or "-":
                var sign = op == "+" ? 1 : -1;
                if (a.Unit == b.Unit) return a with { Value = a.Value + sign * b.Value };
                return Ucum.ValueIn(b, a) is { } bv ? a with { Value = a.Value + sign * bv } : null;
            default:
                throw new EvaluationError($"Operator '{op}' cannot be applied to quantities");
        }
    }
}
