using BenchmarkDotNet.Attributes;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Snapshots;

namespace FhirGateway.Benchmarks;

/// <summary>Snapshot generation from differentials over the embedded R4 core definitions.</summary>
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    private StructureDefinitionInfo _bloodPressure = null!;
    private StructureDefinitionInfo[] _constraints = [];

    [GlobalSetup]
    public void Setup()
    {
        _bloodPressure = Differential("http://hl7.org/fhir/StructureDefinition/bp");
        _constraints = CoreDefinitions.R4.StructureDefinitions()
            .Where(d => d.Derivation == "constraint" && d.HasSnapshot && d.Differential.Count > 0)
            .Select(d => d with { Snapshot = [] })
            .ToArray();
    }

    private static StructureDefinitionInfo Differential(string url) =>
        CoreDefinitions.R4.FindStructureDefinition(url)! with { Snapshot = [] };

    private static SnapshotGenerator NewGenerator() => SnapshotGenerator.For(CoreDefinitions.R4);

    /// <summary>The blood pressure profile: slices, re-typed components, unfolding of Coding and Quantity.</summary>
    [Benchmark]
    public int BloodPressure() => NewGenerator().Generate(_bloodPressure).Definition.Snapshot.Count;

    /// <summary>Every core constraint definition (about 440: profiles and extensions), one generator.</summary>
    [Benchmark]
    public int AllCoreConstraints()
    {
        var generator = NewGenerator();
        var total = 0;
        foreach (var definition in _constraints) total += generator.Generate(definition).Definition.Snapshot.Count;
        return total;
    }
}
