using FhirGateway.FhirPath.Evaluation;

namespace FhirGateway.FhirPath.Functions;

/// <summary>How a function argument is passed: evaluated value, expression evaluated per item by the function, or type specifier.</summary>
internal enum ParamKind
{
    Value,
    Expression,
    Type,
    /// <summary>An expression evaluated per item as a sort key; a leading unary minus means descending.</summary>
    SortKey,
}

/// <summary>The body of a function: its focus (input collection), its compiled arguments and the scope.</summary>
internal delegate IReadOnlyList<object> FunctionBody(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope);

/// <summary>
/// One entry of the function symbol table: name, arity range, parameter kinds, and whether an empty focus gives
/// an empty result without evaluating the arguments (empty propagation).
/// </summary>
internal sealed record FunctionDef(string Name, int MinArgs, int MaxArgs, ParamKind[] Kinds, bool PropagatesEmpty, FunctionBody Body)
{
    public ParamKind KindOf(int index) => Kinds.Length == 0 ? ParamKind.Value : Kinds[Math.Min(index, Kinds.Length - 1)];
}

/// <summary>The compiled arguments of a call, with helpers that evaluate them in the caller's scope.</summary>
internal sealed class FunctionArgs(Evaluator[] evaluators, FhirPathType?[] types, bool[] descending)
{
    public static readonly FunctionArgs None = new([], [], []);

    /// <summary>For sort keys: true when the key was written with a leading minus.</summary>
    public bool IsDescending(int index) => descending[index];

    public int Count => evaluators.Length;

    public Evaluator this[int index] => evaluators[index];

    public FhirPathType Type(int index) => types[index] ?? throw new EvaluationError("A type specifier is expected");

    public IReadOnlyList<object> Value(int index, in Scope scope) => evaluators[index](scope);

    /// <summary>The single value of an argument converted to a System value; null when empty.</summary>
    public object? Single(int index, in Scope scope, string function) =>
        index >= evaluators.Length ? null : Items.SingleOrNone(evaluators[index](scope), $"Argument {index + 1} of {function}()") is { } v ? Items.ToSystem(v) : null;

    public string? String(int index, in Scope scope, string function) => Single(index, scope, function) switch
    {
        null => null,
        string s => s,
        var other => throw new EvaluationError($"Argument {index + 1} of {function}() must be a string, not {Operators.Comparison.Describe(other)}"),
    };

    public int? Integer(int index, in Scope scope, string function) => Single(index, scope, function) switch
    {
        null => null,
        int i => i,
        var other => throw new EvaluationError($"Argument {index + 1} of {function}() must be an integer, not {Operators.Comparison.Describe(other)}"),
    };
}
