using System.Text.Json;
using Firely.Fhir.Validation;
using FhirGateway.Mapping.Ig;
using FhirGateway.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace FhirGateway.Benchmarks.Firely;

/// <summary>Both validators over the packed clinic IG, as the Firely tests compose them, and the IG's valid examples.</summary>
internal static class FirelyEngines
{
    /// <summary>Firely's validator over the packed IG (in-memory) in front of Hl7.Fhir.Specification.Data.R4's core.</summary>
    public static Validator Firely()
    {
        var package = IgPackager.Pack(ClinicIgDefinitions.Files, ClinicIgDefinitions.Examples);
        var resources = new List<Resource>();
        foreach (var file in FhirGateway.Fhir.Definitions.Sources.FhirPackage.Read(Write(package)).Files)
            if (file.Name is not ("package.json" or ".index.json") && Read(file.Content) is { } r) resources.Add(r);
        var core = new CachedResolver(ZipSource.CreateValidationSource());
        var resolver = new CachedResolver(new MultiResolver(new InMemoryResourceResolver(resources), core));
        return new Validator(resolver, new LocalTerminologyService(resolver));
    }

    public static FhirValidator Gateway() => new(ClinicIgDefinitions.WithCore);

    public static Resource? Read(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        new FhirJsonDeserializer(new DeserializerSettings()).TryDeserializeResource(ref reader, out var resource, out _);
        return resource;
    }

    /// <summary>profiles/examples/valid: each file with the profile it declares.</summary>
    public static IReadOnlyList<(byte[] Json, string Profile)> ValidExamples()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FhirGateway.sln"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("no repository root"), "profiles", "examples", "valid");
        return Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f =>
        {
            var json = File.ReadAllBytes(f);
            using var doc = JsonDocument.Parse(json);
            return (json, doc.RootElement.GetProperty("meta").GetProperty("profile")[0].GetString()!);
        }).ToList();
    }

    private static string Write(FhirGateway.Mapping.Ig.IgPackage package)
    {
        var path = Path.Combine(Path.GetTempPath(), "fhirgw-bench-" + Environment.ProcessId + "-" + package.FileName);
        File.WriteAllBytes(path, package.Tgz);
        return path;
    }
}
