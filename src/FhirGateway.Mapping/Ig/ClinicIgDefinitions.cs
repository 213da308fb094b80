using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Sources;

namespace FhirGateway.Mapping.Ig;

/// <summary>
/// The clinic's IG (profiles/*.json: StructureDefinitions, ValueSets, CodeSystems and package.json) embedded in this
/// assembly, so the gateway runs on these defaults; <c>--ig profiles</c> loads the folder instead. Thread-safe.
/// </summary>
public static class ClinicIgDefinitions
{
    private const string Prefix = "ClinicIg/";
    private const string ExamplePrefix = "ClinicIgExamples/";

    private static readonly Lazy<IReadOnlyList<FhirPackageFile>> EmbeddedFiles = new(() => ReadEmbedded(Prefix), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<IReadOnlyList<FhirPackageFile>> EmbeddedExamples = new(() => ReadEmbedded(ExamplePrefix), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<IndexedDefinitionSource> Source = new(() => Collect(EmbeddedFiles.Value, "embedded clinic IG"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<DefinitionResolver> WithCoreResolver = new(() => DefinitionResolver.WithCore(Source.Value), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The clinic's definitions alone.</summary>
    public static IDefinitionSource Definitions => Source.Value;

    /// <summary>The clinic's definitions in front of R4 core: what the validator and the snapshot generator resolve against.</summary>
    public static DefinitionResolver WithCore => WithCoreResolver.Value;

    /// <summary>The embedded files by name (<c>package.json</c>, <c>StructureDefinition-alsfrs-r.json</c>…), in name order.</summary>
    public static IReadOnlyList<FhirPackageFile> Files => EmbeddedFiles.Value;

    /// <summary>The IG's valid examples (profiles/examples/valid/*.json) by name, in name order.</summary>
    public static IReadOnlyList<FhirPackageFile> Examples => EmbeddedExamples.Value;

    /// <summary>A definition source over package-style files (the embedded ones, or a folder's).</summary>
    public static IndexedDefinitionSource Collect(IEnumerable<FhirPackageFile> files, string description)
    {
        var collector = new DefinitionCollector();
        foreach (var file in files)
            if (file.Name != "package.json") collector.Add(file.Content, $"{description}/{file.Name}");
        return collector.ToSource(description);
    }

    private static IReadOnlyList<FhirPackageFile> ReadEmbedded(string prefix)
    {
        var assembly = typeof(ClinicIgDefinitions).Assembly;
        var files = new List<FhirPackageFile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files.Add(new FhirPackageFile(name[prefix.Length..], buffer.ToArray()));
        }
        if (files.Count == 0) throw new InvalidOperationException($"The clinic IG ({prefix}) is missing from the FhirGateway.Mapping build.");
        return files;
    }
}
