using FhirGateway.FhirPath.Evaluation;

namespace FhirGateway.FhirPath.Operators;

/// <summary>Three-valued logic (spec §6.5): empty is unknown; the right operand is evaluated only when it can change the result.</summary>
internal static class Logic
{
    /// <summary>Singleton evaluation as a boolean: empty → null, a boolean → itself, any other single item → true, several → error.</summary>
    public static bool? ToBoolean(IReadOnlyList<object> c, string what)
    {
        if (c.Count == 0) return null;
        if (c.Count > 1) throw new EvaluationError($"{what} expects a single boolean but got {c.Count} items");
        var v = Items.ToSystem(c[0]);
        return v is bool b ? b : v is null ? null : true;
    }

    public static IReadOnlyList<object> And(Evaluator left, Evaluator right, in Scope s)
    {
        var l = ToBoolean(left(s), "'and'");
        if (l == false) return Items.FalseList;
        var r = ToBoolean(right(s), "'and'");
        if (r == false) return Items.FalseList;
        return l == true && r == true ? Items.TrueList : Items.Empty;
    }

    public static IReadOnlyList<object> Or(Evaluator left, Evaluator right, in Scope s)
    {
        var l = ToBoolean(left(s), "'or'");
        if (l == true) return Items.TrueList;
        var r = ToBoolean(right(s), "'or'");
        if (r == true) return Items.TrueList;
        return l == false && r == false ? Items.FalseList : Items.Empty;
    }

    public static IReadOnlyList<object> Xor(Evaluator left, Evaluator right, in Scope s)
    {
        var l = ToBoolean(left(s), "'xor'");
        var r = ToBoolean(right(s), "'xor'");
        return l is null || r is null ? Items.Empty : Items.Bool(l != r);
    }

    public static IReadOnlyList<object> Implies(Evaluator left, Evaluator right, in Scope s)
    {
        var l = ToBoolean(left(s), "'implies'");
        if (l == false) return Items.TrueList;
        var r = ToBoolean(right(s), "'implies'");
        if (r == true) return Items.TrueList;
        return l == true && r == false ? Items.FalseList : Items.Empty;
    }
}
