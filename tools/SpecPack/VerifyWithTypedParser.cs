using System.Formats.Tar;
using System.IO.Compression;
using FhirGateway.Fhir.Definitions.Pack;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.Tools.SpecPack;

/// <summary>
/// <c>--verify</c>: reads every resource of the input packages (definitions and examples alike) with the
/// gateway's typed JSON reader over the type model of the pack just written, and reports
/// <c>parsed N resources, E errors</c>. The pack is only as good as the instances it can read.
/// </summary>
internal static class VerifyWithTypedParser
{
    private const int ShownErrors = 20;

    /// <summary>Returns the number of resources with error issues.</summary>
    public static int Run(string packPath, IReadOnlyList<string> inputs, TextWriter log)
    {
        using var stream = File.OpenRead(packPath);
        var parser = new FhirJsonParser(new StructureTypeModel(DefinitionPack.Open(stream, packPath)));
        int resources = 0, failed = 0, errors = 0, shown = 0;
        foreach (var input in inputs)
        {
            foreach (var (name, bytes) in ResourceFiles(input))
            {
                resources++;
                var result = parser.Parse(bytes, $"{Path.GetFileName(input)}/{name}");
                var fileErrors = 0;
                foreach (var issue in result.Issues)
                {
                    if (!issue.IsError) continue;
                    fileErrors++;
                    if (shown++ < ShownErrors) log.WriteLine(issue.ToString());
                }
                errors += fileErrors;
                if (fileErrors > 0) failed++;
            }
        }
        log.WriteLine($"verify: parsed {resources} resources, {errors} errors ({failed} resources with errors) with the typed JSON reader over {Path.GetFileName(packPath)}");
        return failed;
    }

    /// <summary>Every resource file of a package folder or .tgz: the files directly in <c>package/</c> but the manifest and index.</summary>
    private static IEnumerable<(string Name, byte[] Bytes)> ResourceFiles(string input)
    {
        if (Directory.Exists(input))
        {
            var folder = Directory.Exists(Path.Combine(input, "package")) ? Path.Combine(input, "package") : input;
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
                if (IsResource(Path.GetFileName(file))) yield return (Path.GetFileName(file), File.ReadAllBytes(file));
            yield break;
        }
        using var gzip = new GZipStream(File.OpenRead(input), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null) continue;
            var path = entry.Name.Replace('\\', '/');
            if (!path.StartsWith("package/", StringComparison.Ordinal) || path.IndexOf('/', 8) >= 0) continue;
            var name = path[8..];
            if (!IsResource(name)) continue;
            using var buffer = new MemoryStream();
            entry.DataStream.CopyTo(buffer);
            yield return (name, buffer.ToArray());
        }
    }

    private static bool IsResource(string name) =>
        name is not ("package.json" or ".index.json") && (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !name.Contains('.', StringComparison.Ordinal));
}
