using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Validation;

namespace FhirGateway.Benchmarks.Validation;

/// <summary>
/// Cold start, in a fresh process each time: open the embedded definitions, build the validator and validate one
/// Observation and the 8,000-entry Bundle, compiling the schemas, invariants and value sets they need on the way.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 3, warmupCount: 0, iterationCount: 1)]
public class ColdStartBenchmarks
{
    private byte[] _observation = [];
    private byte[] _bundle = [];

    [GlobalSetup]
    public void Setup()
    {
        _observation = BenchmarkInputs.Load("small")[0];
        _bundle = TransactionBundle.Create(8000);
    }

    [Benchmark]
    public int FirstObservation() => new FhirValidator(CoreDefinitions.R4).Validate(_observation, "observation").Issues.Count;

    [Benchmark]
    public int FirstTransactionBundle8000() => new FhirValidator(CoreDefinitions.R4).Validate(_bundle, "bundle").Issues.Count;
}
