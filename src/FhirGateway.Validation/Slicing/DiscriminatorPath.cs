using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath;
using FhirGateway.FhirPath.Syntax;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Slicing;

/// <summary>A discriminator's path compiled once: <c>$this</c> is the element itself, anything else a FHIRPath expression on it.</summary>
internal sealed class DiscriminatorPath(CompiledExpression? expression)
{
    public static DiscriminatorPath This { get; } = new(null);

    /// <summary>The elements the path selects on an instance element; empty when it fails at run time.</summary>
    public IReadOnlyList<object> Select(ElementNode item, ValidationRun run)
    {
        if (expression is null) return [item];
        try
        {
            return expression.Evaluate(item, run.Environment);
        }
        catch (FhirPathEvaluationException)
        {
            return [];
        }
    }

    public override string ToString() => expression?.Text ?? "$this";
}
