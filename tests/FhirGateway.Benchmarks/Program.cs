using System.Runtime;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using FhirGateway.Benchmarks.FhirPath;

// Run with: dotnet run -c Release --project tests/FhirGateway.Benchmarks -- --filter '*'
// FHIRPath cases for tools/fhirpath-compare: dotnet run -c Release --project tests/FhirGateway.Benchmarks -- --export-fhirpath-cases FILE
if (args is ["--export-fhirpath-cases", var target])
{
    CompareExport.Write(target);
    return;
}

// This host runs with the product's GC settings (src/FhirGateway/GarbageCollection.props); every job, including one
// chosen on the command line (--job short), gets the same, so the figures are those of the fhirgw process.
var productGc = Job.Default
    .WithGcServer(GCSettings.IsServerGC)
    .WithGcConcurrent(GCSettings.LatencyMode != GCLatencyMode.Batch)
    .AsMutator();
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.AddJob(productGc));
