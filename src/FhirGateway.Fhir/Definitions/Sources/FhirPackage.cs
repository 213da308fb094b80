using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace FhirGateway.Fhir.Definitions.Sources;

/// <summary>A file of a FHIR package: its name inside <c>package/</c> and its bytes.</summary>
public sealed record FhirPackageFile(string Name, byte[] Content);

/// <summary>
/// An npm-format FHIR package read from a <c>.tgz</c> or from a folder (<c>&lt;name&gt;#&lt;version&gt;</c> or its
/// <c>package</c> sub-folder, as in <c>~/.fhir/packages</c>): the manifest's name and version, and the
/// resource files at the top of <c>package/</c>. When the package has a <c>.index.json</c>, only files it
/// lists as conformance resources are read.
/// </summary>
public sealed class FhirPackage
{
    private FhirPackage(string name, string version, IReadOnlyDictionary<string, string> dependencies, IReadOnlyList<FhirPackageFile> files, IReadOnlyList<FhirPackageFile> examples)
    {
        Name = name;
        Version = version;
        Dependencies = dependencies;
        Files = files;
        Examples = examples;
    }

    public string Name { get; }
    public string Version { get; }
    public IReadOnlyList<FhirPackageFile> Files { get; }

    /// <summary>The packages this one depends on (the manifest's <c>dependencies</c>): name → version.</summary>
    public IReadOnlyDictionary<string, string> Dependencies { get; }

    /// <summary>The JSON files of the package's <c>example/</c> folder (the IG's examples), by name inside it.</summary>
    public IReadOnlyList<FhirPackageFile> Examples { get; }

    public override string ToString() => $"{Name}#{Version}";

    public static FhirPackage Read(string path)
    {
        if (File.Exists(path)) return ReadTarball(path);
        if (!Directory.Exists(path)) throw new FileNotFoundException($"FHIR package not found: {path}", path);
        var folder = File.Exists(Path.Combine(path, "package", "package.json")) ? Path.Combine(path, "package") : path;
        var manifest = Path.Combine(folder, "package.json");
        if (!File.Exists(manifest)) throw new DefinitionFormatException($"{path} is not a FHIR package: no package.json in it or in its package folder");
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder)) files[Path.GetFileName(file)] = File.ReadAllBytes(file);
        var examples = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var exampleFolder = Path.Combine(folder, "example");
        if (Directory.Exists(exampleFolder))
            foreach (var file in Directory.EnumerateFiles(exampleFolder, "*.json")) examples[Path.GetFileName(file)] = File.ReadAllBytes(file);
        return FromFiles(path, files, examples);
    }

    private static FhirPackage ReadTarball(string path)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var examples = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null) continue;
                var name = entry.Name.Replace('\\', '/');
                if (!name.StartsWith("package/", StringComparison.Ordinal)) continue;
                var isExample = name.StartsWith(ExamplePrefix, StringComparison.Ordinal) && name.IndexOf('/', ExamplePrefix.Length) < 0
                    && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
                if (!isExample && name.IndexOf('/', 8) >= 0) continue;
                using var buffer = new MemoryStream();
                entry.DataStream.CopyTo(buffer);
                if (isExample) examples[name[ExamplePrefix.Length..]] = buffer.ToArray();
                else files[name[8..]] = buffer.ToArray();
            }
        }
        if (!files.ContainsKey("package.json")) throw new DefinitionFormatException($"{path} is not a FHIR package: no package/package.json");
        return FromFiles(path, files, examples);
    }

    private const string ExamplePrefix = "package/example/";

    private static FhirPackage FromFiles(string origin, Dictionary<string, byte[]> files, Dictionary<string, byte[]> examples)
    {
        var (name, version, dependencies) = ReadManifest(files["package.json"], origin);
        var listed = files.TryGetValue(".index.json", out var index) ? ReadIndex(index, origin) : null;
        var resources = files
            .Where(f => f.Key is not "package.json" and not ".index.json")
            .Where(f => listed is null ? IsResourceFileName(f.Key) : listed.Contains(f.Key))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new FhirPackageFile(f.Key, f.Value))
            .ToList();
        // The example folder's own .index.json lists the examples; it is not one.
        var exampleFiles = examples.Where(f => f.Key != ".index.json").OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new FhirPackageFile(f.Key, f.Value)).ToList();
        return new FhirPackage(name, version, dependencies, resources, exampleFiles);
    }

    /// <summary>JSON resource files: <c>*.json</c>, and extension-less files as older packages (R4 expansions) ship them.</summary>
    private static bool IsResourceFileName(string name) =>
        name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !name.Contains('.', StringComparison.Ordinal);

    private static (string Name, string Version, IReadOnlyDictionary<string, string> Dependencies) ReadManifest(byte[] json, string origin)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (name is null || version is null) throw new DefinitionFormatException($"{origin}: package.json lacks name or version");
        var dependencies = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("dependencies", out var d) && d.ValueKind == JsonValueKind.Object)
            foreach (var dependency in d.EnumerateObject())
                if (dependency.Value.ValueKind == JsonValueKind.String) dependencies[dependency.Name] = dependency.Value.GetString()!;
        return (name, version, dependencies);
    }

    /// <summary>The files <c>.index.json</c> lists with a conformance resource type.</summary>
    private static HashSet<string> ReadIndex(byte[] json, string origin)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            throw new DefinitionFormatException($"{origin}: .index.json has no files array");
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in files.EnumerateArray())
        {
            if (f.TryGetProperty("filename", out var file) && f.TryGetProperty("resourceType", out var type)
                && DefinitionKinds.TryParse(type.GetString(), out _))
                set.Add(file.GetString()!);
        }
        return set;
    }
}
