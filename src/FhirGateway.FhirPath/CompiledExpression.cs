using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Ast;
using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Operators;

namespace FhirGateway.FhirPath;

/// <summary>
/// A compiled FHIRPath expression: immutable and thread-safe; evaluate it any number of times, on any thread.
/// Results are collections of items: <see cref="ElementNode"/>s for FHIR elements, and System values
/// (<c>bool</c>, <c>int</c>, <c>decimal</c>, <c>string</c>, <see cref="Values.PartialDate"/>, <see cref="Values.PartialDateTime"/>,
/// <see cref="Values.PartialTime"/>, <see cref="Values.Quantity"/>) for computed values.
/// </summary>
public sealed class CompiledExpression
{
    private readonly Evaluator _evaluator;
    private readonly ITypeModel? _model;
    private readonly FhirPathOptions _options;

    internal CompiledExpression(string text, Expr tree, Evaluator evaluator, ITypeModel? model, FhirPathOptions options)
    {
        Text = text;
        Tree = tree;
        _evaluator = evaluator;
        _model = model;
        _options = options;
    }

    public string Text { get; }

    public Expr Tree { get; }

    /// <summary>Evaluates on one node (or on an empty input when null). Throws <see cref="Syntax.FhirPathEvaluationException"/> on evaluation errors.</summary>
    public IReadOnlyList<object> Evaluate(ElementNode? input, FhirPathEnvironment? environment = null) =>
        Evaluate(input is null ? Items.Empty : [input], environment);

    /// <summary>Evaluates on an input collection.</summary>
    public IReadOnlyList<object> Evaluate(IReadOnlyList<object> input, FhirPathEnvironment? environment = null)
    {
        var run = new EvaluationRun(environment ?? FhirPathEnvironment.Default, input) { Model = _model, Options = _options };
        var scope = new Scope(run, input, input.Count == 1 ? input[0] : null, 0, null, null);
        return _evaluator(scope);
    }

    /// <summary>Evaluates as a boolean (an invariant): true, false, or null when the result is empty.</summary>
    public bool? Predicate(ElementNode? input, FhirPathEnvironment? environment = null)
    {
        var result = Evaluate(input, environment);
        if (result.Count == 0) return null;
        if (result.Count == 1 && Items.ToSystem(result[0]) is bool b) return b;
        throw new Syntax.FhirPathEvaluationException($"The expression gives {result.Count} item(s), not a single boolean", Tree.Position);
    }

    public override string ToString() => Text;
}
