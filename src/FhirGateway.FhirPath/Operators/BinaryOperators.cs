using System.Collections.Frozen;
using FhirGateway.FhirPath.Evaluation;

namespace FhirGateway.FhirPath.Operators;

/// <summary>A binary operator over its two compiled operands; logic operators decide when to evaluate the right one.</summary>
internal delegate IReadOnlyList<object> BinaryOperator(Evaluator left, Evaluator right, in Scope scope);

/// <summary>The operator symbol table (spec §6), one entry per operator.</summary>
internal static class BinaryOperators
{
    private static readonly FrozenDictionary<string, BinaryOperator> Table = new Dictionary<string, BinaryOperator>
    {
        ["="] = static (l, r, in s) => Items.Bool(Equality.Equal(l(s), r(s))),
        ["!="] = static (l, r, in s) => Items.Bool(!Equality.Equal(l(s), r(s))),
        ["~"] = static (l, r, in s) => Items.Bool(Equality.Equivalent(l(s), r(s))),
        ["!~"] = static (l, r, in s) => Items.Bool(!Equality.Equivalent(l(s), r(s))),
        ["<"] = static (l, r, in s) => Comparison.Compare(l(s), r(s), "<") is { } c ? Items.Bool(c < 0) : Items.Empty,
        ["<="] = static (l, r, in s) => Comparison.Compare(l(s), r(s), "<=") is { } c ? Items.Bool(c <= 0) : Items.Empty,
        [">"] = static (l, r, in s) => Comparison.Compare(l(s), r(s), ">") is { } c ? Items.Bool(c > 0) : Items.Empty,
        [">="] = static (l, r, in s) => Comparison.Compare(l(s), r(s), ">=") is { } c ? Items.Bool(c >= 0) : Items.Empty,
        ["+"] = static (l, r, in s) => Arithmetic.Apply("+", l(s), r(s)),
        ["-"] = static (l, r, in s) => Arithmetic.Apply("-", l(s), r(s)),
        ["*"] = static (l, r, in s) => Arithmetic.Apply("*", l(s), r(s)),
        ["/"] = static (l, r, in s) => Arithmetic.Apply("/", l(s), r(s)),
        ["div"] = static (l, r, in s) => Arithmetic.Apply("div", l(s), r(s)),
        ["mod"] = static (l, r, in s) => Arithmetic.Apply("mod", l(s), r(s)),
        ["&"] = static (l, r, in s) => Arithmetic.Apply("&", l(s), r(s)),
        ["|"] = static (l, r, in s) => Collections.Union(l(s), r(s)),
        ["in"] = static (l, r, in s) => Collections.Membership(l(s), r(s), "in"),
        ["contains"] = static (l, r, in s) => Collections.Membership(r(s), l(s), "contains"),
        ["and"] = Logic.And,
        ["or"] = Logic.Or,
        ["xor"] = Logic.Xor,
        ["implies"] = Logic.Implies,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static BinaryOperator? Find(string op) => Table.GetValueOrDefault(op);
}
