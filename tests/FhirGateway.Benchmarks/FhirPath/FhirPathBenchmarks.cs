using BenchmarkDotNet.Attributes;

namespace FhirGateway.Benchmarks.FhirPath;

/// <summary>
/// FHIRPath: compiling the HL7 suite's expressions (fresh compiler, no cache), evaluating each of them once on its input,
/// and evaluating every R4 core invariant once on every element of the R4 example corpus it applies to. Evaluations per
/// second = the evaluation count printed at setup / the mean time. Target: at least 5x fhirpath.js on the same work
/// (tools/fhirpath-compare).
/// </summary>
[MemoryDiagnoser]
public class FhirPathBenchmarks
{
    private IReadOnlyList<(string Expression, string? ContextType)> _expressions = [];
    private Evaluation[] _suite = [];
    private Evaluation[] _invariants = [];

    [GlobalSetup]
    public void Setup()
    {
        var compiler = FhirPathWorkload.NewCompiler();
        _expressions = FhirPathWorkload.SuiteExpressions();
        _suite = [.. FhirPathWorkload.Suite(compiler)];
        _invariants = [.. FhirPathWorkload.CoreInvariants(compiler)];
        Console.WriteLine($"// FHIRPath workload: {_expressions.Count} suite expressions to compile, {_suite.Length} suite evaluations, {_invariants.Length} core-invariant evaluations per operation");
    }

    [Benchmark(Description = "compile suite expressions (no cache)")]
    public int CompileSuite()
    {
        var compiler = FhirPathWorkload.NewCompiler();
        var n = 0;
        foreach (var (expression, context) in _expressions)
        {
            if (compiler.TryCompile(expression, context).Success) n++;
        }
        return n;
    }

    [Benchmark(Description = "evaluate suite expressions")]
    public int EvaluateSuite() => EvaluateAll(_suite);

    [Benchmark(Description = "core invariants over r4-examples")]
    public int CoreInvariants() => EvaluateAll(_invariants);

    private static int EvaluateAll(Evaluation[] evaluations)
    {
        var n = 0;
        foreach (var e in evaluations) n += e.Expression.Evaluate(e.Input).Count;
        return n;
    }
}
