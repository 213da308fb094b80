using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Json;
using FhirGateway.Fhir.Definitions.Snapshots;
using FhirGateway.Fhir.Definitions.Sources;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Serialization.Xml;
using FhirGateway.Mapping.Fhir;

namespace FhirGateway.Mapping.Ig;

/// <summary>The packed IG: the .tgz bytes, its name (<c>name-version.tgz</c>) and the problems met while generating snapshots.</summary>
public sealed record IgPackage(string FileName, byte[] Tgz, IReadOnlyList<Issue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.IsError);
}

/// <summary>
/// Packs the clinic IG as an npm FHIR package that the HL7 validator, Firely or HAPI can load: <c>package/package.json</c>,
/// every resource as written with a generated snapshot added to each StructureDefinition, the ImplementationGuide
/// resource (<see cref="ImplementationGuideWriter"/>) and <c>package/.index.json</c>; the examples under
/// <c>package/example/</c> with their own <c>.index.json</c>. Deterministic: entries in name order with a fixed timestamp.
/// </summary>
public static class IgPackager
{
    private static readonly DateTimeOffset EntryTime = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <param name="files">package.json and the resource files, as <see cref="ClinicIgDefinitions.Files"/> gives them.</param>
    /// <param name="examples">The valid examples, as <see cref="ClinicIgDefinitions.Examples"/> gives them (packed as they are).</param>
    public static IgPackage Pack(IReadOnlyList<FhirPackageFile> files, IReadOnlyList<FhirPackageFile> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var manifestFile = files.FirstOrDefault(f => f.Name == "package.json") ?? throw new DefinitionFormatException("The IG has no package.json");
        var manifest = JsonNode.Parse(manifestFile.Content)!.AsObject();
        var name = manifest["name"]?.GetValue<string>() ?? throw new DefinitionFormatException("package.json has no name");
        var version = manifest["version"]?.GetValue<string>() ?? throw new DefinitionFormatException("package.json has no version");
        var resources = files.Where(f => f.Name != "package.json").ToList();
        var resolver = DefinitionResolver.WithCore(ClinicIgDefinitions.Collect(files, name));
        var generator = SnapshotGenerator.For(resolver);
        var issues = new List<Issue>();
        var artefacts = new List<(string Name, JsonObject Resource)>();
        foreach (var file in resources.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var resource = JsonNode.Parse(file.Content)!.AsObject();
            if (resource["resourceType"]?.GetValue<string>() == "StructureDefinition")
            {
                var definition = ConformanceJsonReader.ReadStructureDefinition(file.Content, file.Name);
                var result = generator.Generate(definition with { Snapshot = [] });
                issues.AddRange(result.Issues.Select(i => i with { Origin = file.Name }));
                var snapshot = JsonNode.Parse(ConformanceJsonWriter.Write(result.Definition))!["snapshot"]!.DeepClone();
                resource.Remove("snapshot");
                var at = resource.IndexOf("differential");
                resource.Insert(at < 0 ? resource.Count : at, "snapshot", snapshot);
            }
            artefacts.Add((file.Name, resource));
        }
        var exampleResources = examples.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => (f.Name, Resource: JsonNode.Parse(f.Content)!.AsObject())).ToList();
        artefacts.Add((ImplementationGuideWriter.FileName(manifest),
            ImplementationGuideWriter.Write(manifest, artefacts.Select(a => a.Resource), exampleResources)));
        artefacts.Sort((a, b) => StringComparer.Ordinal.Compare(a.Name, b.Name));

        var packed = new List<(string Name, byte[] Content)> { ("package.json", manifestFile.Content), (".index.json", Index(artefacts)) };
        packed.AddRange(artefacts.Select(a => (a.Name, FhirNodes.ToUtf8(a.Resource))));
        if (exampleResources.Count > 0)
        {
            packed.Add(("example/.index.json", Index(exampleResources)));
            packed.AddRange(exampleResources.Select(e => ("example/" + e.Name, examples.First(f => f.Name == e.Name).Content)));
        }
        return new IgPackage($"{name}-{version}.tgz", Tar(packed), issues);
    }

    /// <summary>The valid examples of an IG source folder: <c>examples/valid/*.json</c> (none when it has no such folder).</summary>
    public static IReadOnlyList<FhirPackageFile> ReadExamples(string folder)
    {
        var valid = Path.Combine(folder, "examples", "valid");
        return Directory.Exists(valid)
            ? Directory.EnumerateFiles(valid, "*.json").Order(StringComparer.Ordinal).Select(f => new FhirPackageFile(Path.GetFileName(f), File.ReadAllBytes(f))).ToList()
            : [];
    }

    /// <summary>
    /// Reads an IG source folder (package.json and the resource files at its top) into package files. FHIR XML files
    /// are read as XML and packed as JSON (a package holds JSON), under the same name with <c>.json</c>; one that is not
    /// readable XML, or that would replace a JSON file of the same name, is a <see cref="DefinitionFormatException"/>.
    /// </summary>
    public static IReadOnlyList<FhirPackageFile> ReadFolder(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new FhirPackageFile(Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        foreach (var xml in Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            var name = Path.ChangeExtension(Path.GetFileName(xml), ".json");
            if (files.Exists(f => f.Name == name)) throw new DefinitionFormatException($"{xml}: {name} is also in the folder; give each resource once");
            var (json, issues) = FhirXmlConversion.ToJson(File.ReadAllBytes(xml), xml);
            if (json is null || issues.Any(i => i.IsError))
                throw new DefinitionFormatException($"{xml} is not a readable FHIR XML resource: {string.Join("; ", issues.Where(i => i.IsError))}");
            files.Add(new FhirPackageFile(name, json));
        }
        return files;
    }

    private static byte[] Index(IEnumerable<(string Name, JsonObject Resource)> files)
    {
        var index = new JsonArray();
        foreach (var (fileName, resource) in files)
        {
            var entry = new JsonObject { ["filename"] = fileName };
            foreach (var property in new[] { "resourceType", "id", "url", "version", "kind", "type" })
                if (resource[property] is JsonValue value) entry[property] = value.DeepClone();
            index.Add(entry);
        }
        return FhirNodes.ToUtf8(new JsonObject { ["index-version"] = 1, ["files"] = index });
    }

    private static byte[] Tar(List<(string Name, byte[] Content)> files)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                var entry = new UstarTarEntry(TarEntryType.RegularFile, "package/" + name)
                {
                    DataStream = new MemoryStream(content),
                    ModificationTime = EntryTime,
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                };
                tar.WriteEntry(entry);
            }
        }
        return output.ToArray();
    }
}
