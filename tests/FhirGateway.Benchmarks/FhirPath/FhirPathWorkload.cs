using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath;
using FhirGateway.FhirPath.Syntax;
using FhirGateway.FhirPath.Tests.Corpus;
using FhirGateway.FhirPath.Tests.Suite;

namespace FhirGateway.Benchmarks.FhirPath;

/// <summary>One evaluation of a benchmark: the compiled expression and the node it runs on (null: an empty input).</summary>
internal sealed record Evaluation(CompiledExpression Expression, ElementNode? Input, string? InputFile);

/// <summary>
/// The FHIRPath workloads the benchmarks and the fhirpath.js comparison share: the HL7 suite's expressions that are
/// meant to give a result (not an error) on their inputs, and every R4 core invariant on every element of the R4
/// example corpus that it applies to. Both are read from ../shared/conformance.
/// </summary>
internal static class FhirPathWorkload
{
    public static FhirPathCompiler NewCompiler() => new(StructureTypeModel.R4Core);

    /// <summary>The suite's expressions with the context type they are compiled for (the input's resource type).</summary>
    public static IReadOnlyList<(string Expression, string? ContextType)> SuiteExpressions() =>
        Runnable().Select(c => (c.Expression, c.InputFile is null ? null : SuiteInputs.Load(c.InputFile, c.Name).InstanceType)).ToList();

    /// <summary>Every suite test that expects a result, compiled, on its input; tests our engine cannot run are left out.</summary>
    public static IReadOnlyList<Evaluation> Suite(FhirPathCompiler compiler)
    {
        var result = new List<Evaluation>();
        foreach (var c in Runnable())
        {
            var input = c.InputFile is null ? null : SuiteInputs.Load(c.InputFile, c.Name);
            try
            {
                var compiled = compiler.Compile(c.Expression, input?.InstanceType);
                compiled.Evaluate(input);
                result.Add(new Evaluation(compiled, input, c.InputFile is null ? null : SuiteInputs.PathOf(c.InputFile, c.Name)));
            }
            catch (FhirPathException)
            {
            }
        }
        return result;
    }

    /// <summary>Every core invariant on each element of the example corpus it applies to (the cid-0 definition defect left out, as in the tests).</summary>
    public static IReadOnlyList<Evaluation> CoreInvariants(FhirPathCompiler compiler, IEnumerable<ElementNode>? resources = null)
    {
        var result = new List<Evaluation>();
        foreach (var c in CoreInvariantCorpus.Cases(resources ?? CoreInvariantCorpus.LoadResources()))
        {
            try
            {
                var compiled = compiler.Compile(c.Constraint.Expression!, c.ContextType);
                compiled.Evaluate(c.Node);
                result.Add(new Evaluation(compiled, c.Node, null));
            }
            catch (FhirPathException)
            {
            }
        }
        return result;
    }

    private static IEnumerable<SuiteCase> Runnable() =>
        SuiteCases.ByName.Values.Where(c => !c.ExpectsError && !KnownDeviations.Reasons.ContainsKey(c.Name)).OrderBy(c => c.Name, StringComparer.Ordinal);
}
