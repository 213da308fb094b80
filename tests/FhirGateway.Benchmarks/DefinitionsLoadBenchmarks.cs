using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Benchmarks;

/// <summary>
/// Cold start of the R4 core definitions, each measured as the first call in a fresh process (JIT, an empty string
/// pool and a heap that has yet to grow included): open the embedded pack (decompress the index, so that any
/// definition resolves on demand), then read more and more of it. Target: the whole of R4 core available in under 300 ms.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
public class DefinitionsLoadBenchmarks
{
    [Benchmark(Description = "open pack (decompress + index)")]
    public int OpenPack() => CoreDefinitions.Load().Count;

    [Benchmark(Description = "open + Observation definition and type")]
    public int Observation()
    {
        var source = CoreDefinitions.Load();
        return new StructureTypeModel(source).FindType("Observation")?.Properties.Count ?? 0;
    }

    [Benchmark(Description = "open + all 655 StructureDefinitions")]
    public int AllStructureDefinitions()
    {
        var source = CoreDefinitions.Load();
        return source.StructureDefinitions().Sum(sd => sd.Snapshot.Count);
    }

    [Benchmark(Description = "open + type model of every resource type")]
    public int TypeModelOfAllResourceTypes()
    {
        var source = CoreDefinitions.Load();
        var model = new StructureTypeModel(source);
        var count = 0;
        foreach (var e in source.List(DefinitionKind.StructureDefinition))
            if (e.Derivation == "specialization" && model.FindType(e.Type!) is { Kind: TypeKind.Resource } t) count += t.Properties.Count;
        return count;
    }

    [Benchmark(Description = "whole R4 core: every definition + every type")]
    public int WholeCore()
    {
        var source = CoreDefinitions.Load();
        var model = new StructureTypeModel(source);
        var count = 0;
        foreach (var kind in DefinitionKinds.All)
            foreach (var e in source.List(kind))
                if (source.Find(kind, e.Canonical) is not null) count++;
        foreach (var name in model.TypeNames)
            if (model.FindType(name) is not null) count++;
        return count;
    }
}
