using FhirGateway.FhirPath.Evaluation;

namespace FhirGateway.FhirPath.Functions;

/// <summary>How a function argument is passed and what it must be; the static checks read these.</summary>
internal enum ParamKind
{
    /// <summary>A value of any type, evaluated in the caller's scope.</summary>
    Any,
    /// <summary>A single String value.</summary>
    String,
    /// <summary>A single Integer value.</summary>
    Integer,
    /// <summary>A single Integer or Decimal value.</summary>
    Number,
    /// <summary>An expression the function evaluates itself, per item (<c>select</c>, the branches of <c>iif</c>).</summary>
    Expression,
    /// <summary>An expression evaluated per item that must give a Boolean (<c>where</c>, <c>all</c>, the criterion of <c>iif</c>).</summary>
    Criterion,
    /// <summary>A type specifier (<c>is</c>, <c>as</c>, <c>ofType</c>).</summary>
    Type,
    /// <summary>An expression evaluated per item as a sort key; a leading unary minus means descending.</summary>
    SortKey,
}

/// <summary>What a function needs of its input, for the static checks.</summary>
internal enum InputKind
{
    Any,
    /// <summary>A single String (FHIR primitives that map to System.String included).</summary>
    String,
    /// <summary>A single Integer or Decimal.</summary>
    Number,
}

/// <summary>What a function's result is, for type inference in the static checks.</summary>
internal enum ResultKind
{
    /// <summary>Not known statically.</summary>
    Any,
    /// <summary>Items of the input (filters, subsetting): the input's types, and its order (or lack of it).</summary>
    Input,
    /// <summary>The results of the per-item expression argument (<c>select</c>, <c>repeat</c>).</summary>
    Projection,
    /// <summary>A collection without a defined order (<c>children</c>, <c>descendants</c>).</summary>
    Unordered,
    /// <summary>A System type, named in <see cref="FunctionDef.ResultType"/>.</summary>
    System,
}

/// <summary>The body of a function: its focus (input collection), its compiled arguments and the scope.</summary>
internal delegate IReadOnlyList<object> FunctionBody(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope);

/// <summary>
/// One entry of the function symbol table, read from its signature (see <see cref="FunctionSignature"/>): name, arity
/// range, parameter kinds, input and result kinds, whether the result depends on the input's order, and whether an
/// empty focus gives an empty result without evaluating the arguments (empty propagation).
/// </summary>
internal sealed record FunctionDef(string Name, int MinArgs, int MaxArgs, ParamKind[] Kinds, bool PropagatesEmpty, FunctionBody Body)
{
    public InputKind Input { get; init; }

    public ResultKind Result { get; init; }

    /// <summary>For <see cref="ResultKind.System"/>: the System type name (<c>Boolean</c>, <c>Integer</c>…).</summary>
    public string? ResultType { get; init; }

    /// <summary>True for functions whose result depends on the order of the input (first, last, tail, skip, take).</summary>
    public bool DependsOnOrder { get; init; }

    /// <summary>True for functions that give their result a defined order (sort).</summary>
    public bool Sorts { get; init; }

    public ParamKind KindOf(int index) => Kinds.Length == 0 ? ParamKind.Any : Kinds[Math.Min(index, Kinds.Length - 1)];

    /// <summary>The arity as a phrase for messages: <c>1</c>, <c>0 to 2</c>, <c>at least 1</c>.</summary>
    public string Arity => MaxArgs == int.MaxValue ? $"at least {MinArgs}" : MinArgs == MaxArgs ? $"{MinArgs}" : $"{MinArgs} to {MaxArgs}";
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
