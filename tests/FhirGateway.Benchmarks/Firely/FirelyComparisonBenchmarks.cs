using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Firely.Fhir.Validation;
using FhirGateway.Validation;
using Hl7.Fhir.Model;

namespace FhirGateway.Benchmarks.Firely;

/// <summary>
/// The gateway's validator beside Firely's (tests-only oracle) on the clinic IG's valid examples, each against the
/// profile it declares: warm throughput over all of them, after one warm-up pass that compiles what they need.
/// </summary>
[MemoryDiagnoser]
public class FirelyComparisonBenchmarks
{
    private IReadOnlyList<(byte[] Json, string Profile)> _examples = [];
    private FhirValidator _gateway = null!;
    private Validator _firely = null!;

    [GlobalSetup]
    public void Setup()
    {
        _examples = FirelyEngines.ValidExamples();
        _gateway = FirelyEngines.Gateway();
        _firely = FirelyEngines.Firely();
        GatewayExamples();
        FirelyExamples();
    }

    [Benchmark(Baseline = true)]
    public int GatewayExamples()
    {
        var issues = 0;
        foreach (var (json, profile) in _examples) issues += _gateway.Validate(json, null, [profile]).Issues.Count;
        return issues;
    }

    /// <summary>Firely on the same bytes, its deserializing included (the gateway's figure includes its parse).</summary>
    [Benchmark]
    public int FirelyExamples()
    {
        var issues = 0;
        foreach (var (json, profile) in _examples) issues += _firely.Validate(FirelyEngines.Read(json)!, profile).Issue.Count;
        return issues;
    }
}

/// <summary>Cold start, a fresh process each time: build each validator over the clinic IG and validate the first valid example.</summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 3, warmupCount: 0, iterationCount: 1)]
public class FirelyColdStartBenchmarks
{
    private (byte[] Json, string Profile) _first;

    [GlobalSetup]
    public void Setup() => _first = FirelyEngines.ValidExamples()[0];

    [Benchmark(Baseline = true)]
    public int GatewayFirstExample() => FirelyEngines.Gateway().Validate(_first.Json, null, [_first.Profile]).Issues.Count;

    [Benchmark]
    public int FirelyFirstExample() => FirelyEngines.Firely().Validate(FirelyEngines.Read(_first.Json)!, _first.Profile).Issue.Count;
}
