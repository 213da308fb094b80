using BenchmarkDotNet.Running;
using FhirGateway.Benchmarks.FhirPath;

// Run with: dotnet run -c Release --project tests/FhirGateway.Benchmarks -- --filter '*'
// FHIRPath cases for tools/fhirpath-compare: dotnet run -c Release --project tests/FhirGateway.Benchmarks -- --export-fhirpath-cases FILE
if (args is ["--export-fhirpath-cases", var target])
{
    CompareExport.Write(target);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
