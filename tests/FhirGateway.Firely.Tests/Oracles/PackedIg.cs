using FhirGateway.Fhir.Definitions.Sources;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Firely.Tests.Oracles;

/// <summary>
/// The clinic IG as <c>fhirgw ig pack</c> writes it (the embedded IG, generated snapshots), written once to a temporary
/// .tgz and read back: the one package both validators load.
/// </summary>
internal static class PackedIg
{
    private static readonly Lazy<(IgPackage Package, string Path, FhirPackage Read)> Packed = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IgPackage Package => Packed.Value.Package;

    /// <summary>The .tgz on disk.</summary>
    public static string TgzPath => Packed.Value.Path;

    /// <summary>The package's resource files (package.json and .index.json left out).</summary>
    public static IEnumerable<FhirPackageFile> Resources =>
        Packed.Value.Read.Files.Where(f => f.Name.EndsWith(".json", StringComparison.Ordinal) && f.Name is not ("package.json" or ".index.json"));

    private static (IgPackage, string, FhirPackage) Pack()
    {
        var package = IgPackager.Pack(ClinicIgDefinitions.Files);
        var folder = Path.Combine(Path.GetTempPath(), "fhirgw-firely-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, package.FileName);
        File.WriteAllBytes(path, package.Tgz);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } };
        return (package, path, FhirPackage.Read(path));
    }
}
