using FhirGateway.Fhir.Definitions.Sources;
using FhirGateway.Mapping.Ig;
using FhirGateway.Runtime.Partners;

namespace FhirGateway.Firely.Tests.Oracles;

/// <summary>
/// The clinic IG as <c>fhirgw ig pack</c> writes it (the embedded IG, generated snapshots, the ImplementationGuide, the
/// gateway's CapabilityStatement and the examples), written once to a temporary
/// .tgz and read back: the one package both validators load.
/// </summary>
internal static class PackedIg
{
    private static readonly Lazy<(IgPackage Package, string Path, FhirPackage Read, IReadOnlyList<FhirPackageFile> Top)> Packed = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IgPackage Package => Packed.Value.Package;

    /// <summary>The .tgz on disk.</summary>
    public static string TgzPath => Packed.Value.Path;

    /// <summary>
    /// Every resource file at the top of the package (the definitions, the ImplementationGuide and the
    /// CapabilityStatement; package.json, .index.json and the examples left out), read from the .tgz itself.
    /// </summary>
    public static IEnumerable<FhirPackageFile> Resources => Packed.Value.Top;

    /// <summary>The examples under package/example/.</summary>
    public static IEnumerable<FhirPackageFile> Examples => Packed.Value.Read.Examples;

    private static (IgPackage, string, FhirPackage, IReadOnlyList<FhirPackageFile>) Pack()
    {
        var package = IgPackager.Pack(GatewayCapabilityStatement.WithStatement(ClinicIgDefinitions.Files), ClinicIgDefinitions.Examples);
        var folder = Path.Combine(Path.GetTempPath(), "fhirgw-firely-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, package.FileName);
        File.WriteAllBytes(path, package.Tgz);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } };
        return (package, path, FhirPackage.Read(path), TopFiles(package.Tgz));
    }

    private static List<FhirPackageFile> TopFiles(byte[] tgz)
    {
        var files = new List<FhirPackageFile>();
        using var reader = new System.Formats.Tar.TarReader(new System.IO.Compression.GZipStream(new MemoryStream(tgz), System.IO.Compression.CompressionMode.Decompress));
        while (reader.GetNextEntry() is { } entry)
        {
            var name = entry.Name["package/".Length..];
            if (name.Contains('/', StringComparison.Ordinal) || name is "package.json" or ".index.json" || entry.DataStream is null) continue;
            using var buffer = new MemoryStream();
            entry.DataStream.CopyTo(buffer);
            files.Add(new FhirPackageFile(name, buffer.ToArray()));
        }
        return files;
    }
}
