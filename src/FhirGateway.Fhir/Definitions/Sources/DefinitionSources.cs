using FhirGateway.Fhir.Serialization;

namespace FhirGateway.Fhir.Definitions.Sources;

/// <summary>Opens the definition sources that can stand in front of core: FHIR packages and loose files.</summary>
public static class DefinitionSources
{
    /// <summary>Opens a FHIR package (<c>.tgz</c>, or a folder in the <c>~/.fhir/packages</c> layout).</summary>
    public static IndexedDefinitionSource OpenPackage(string path) => OpenPackage(FhirPackage.Read(path));

    public static IndexedDefinitionSource OpenPackage(FhirPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var collector = new DefinitionCollector();
        foreach (var file in package.Files) collector.Add(file.Content, $"{package}/{file.Name}", bundleEntries: false);
        return collector.ToSource($"package {package}");
    }

    /// <summary>
    /// Opens loose definition files: one JSON or XML file, or every <c>*.json</c> and <c>*.xml</c> under a folder (recursively);
    /// a Bundle's entries count one by one. Other resources are passed over (see <see cref="DefinitionCollector.Skipped"/>).
    /// </summary>
    public static IndexedDefinitionSource OpenFiles(string path) => CollectFiles(path).ToSource(path);

    public static DefinitionCollector CollectFiles(string path)
    {
        var collector = new DefinitionCollector();
        if (File.Exists(path))
        {
            collector.Add(File.ReadAllBytes(path), path);
            return collector;
        }
        if (!Directory.Exists(path)) throw new FileNotFoundException($"Definitions not found: {path}", path);
        foreach (var file in ResourceFiles(path))
            collector.Add(File.ReadAllBytes(file), file);
        return collector;
    }

    /// <summary>The FHIR resource files under a folder (recursively), JSON and XML, in name order.</summary>
    public static IEnumerable<string> ResourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => FhirFormats.FromPath(f) is not null)
            .Order(StringComparer.Ordinal);
}
