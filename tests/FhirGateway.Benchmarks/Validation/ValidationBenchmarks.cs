using BenchmarkDotNet.Attributes;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation;

namespace FhirGateway.Benchmarks.Validation;

/// <summary>
/// The validator warm (definitions loaded, schemas compiled): the R4 example corpus against core, per resource
/// (resources per second = 1 / mean), and the 8,000-Observation transaction Bundle referencing its Patient by
/// urn:uuid, parsed and validated.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private FhirValidator _validator = null!;
    private ElementNode[] _corpus = [];
    private byte[] _bundle = [];

    /// <summary>The number of example files (the operations per invocation of <see cref="ExampleCorpusPerResource"/>).</summary>
    public const int CorpusSize = 364;

    [GlobalSetup]
    public void Setup()
    {
        _validator = new FhirValidator(CoreDefinitions.R4);
        _corpus = BenchmarkInputs.Load("folder").Take(CorpusSize).Select(json => _validator.Parse(json).Root!).ToArray();
        _bundle = TransactionBundle.Create(8000);
        foreach (var resource in _corpus) _validator.Validate(resource);
        _validator.Validate(_bundle, "bundle");
    }

    /// <summary>One example resource (of the 364), validated against core: its type, declared profiles, contained resources and entries.</summary>
    [Benchmark(OperationsPerInvoke = CorpusSize)]
    public int ExampleCorpusPerResource()
    {
        var issues = 0;
        foreach (var resource in _corpus) issues += _validator.Validate(resource).Issues.Count;
        return issues;
    }

    /// <summary>The 8,000-entry transaction Bundle: read and validated, every urn:uuid reference resolved through the Bundle's index.</summary>
    [Benchmark]
    public int TransactionBundle8000() => _validator.Validate(_bundle, "bundle").Issues.Count;
}
