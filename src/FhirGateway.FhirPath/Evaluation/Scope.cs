namespace FhirGateway.FhirPath.Evaluation;

/// <summary>A compiled expression node: reads the scope, returns a collection. Thread-safe; holds no state.</summary>
internal delegate IReadOnlyList<object> Evaluator(in Scope scope);

/// <summary>
/// The per-evaluation view a compiled node runs in: the input that terms navigate from, the iteration variables
/// (<c>$this</c>, <c>$index</c>, <c>$total</c>), defined variables and the environment. A small value passed by reference.
/// </summary>
internal readonly struct Scope(EvaluationRun run, IReadOnlyList<object> input, object? @this, int index, IReadOnlyList<object>? total, DefinedVariable? variables)
{
    public EvaluationRun Run { get; } = run;

    /// <summary>The collection an invocation without a source applies to.</summary>
    public IReadOnlyList<object> Input { get; } = input;

    public object? This { get; } = @this;

    public int Index { get; } = index;

    public IReadOnlyList<object>? Total { get; } = total;

    public DefinedVariable? Variables { get; } = variables;

    /// <summary>The scope for one item of an iterating function (where, select, all, exists, repeat…).</summary>
    public Scope ForItem(object item, int index) => new(Run, [item], item, index, Total, Variables);

    /// <summary>The same iteration variables with a new input (iif() evaluates its branches on its input item).</summary>
    public Scope WithInput(object item) => new(Run, [item], item, Index, Total, Variables);

    /// <summary>The same iteration variables over an empty input (iif() on an empty focus: <c>{}.iif(empty(), …)</c> sees nothing).</summary>
    public Scope WithEmptyInput() => new(Run, Items.Empty, null, Index, Total, Variables);

    public Scope WithTotal(object item, int index, IReadOnlyList<object> total) => new(Run, [item], item, index, total, Variables);

    public Scope WithVariable(string name, IReadOnlyList<object> value) => new(Run, Input, This, Index, Total, new DefinedVariable(name, value, Variables));
}

/// <summary>A variable from defineVariable(), linked to the ones defined before it.</summary>
internal sealed record DefinedVariable(string Name, IReadOnlyList<object> Value, DefinedVariable? Previous);
