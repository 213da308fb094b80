namespace FhirGateway.Fhir.Definitions.Sources;

/// <summary>
/// A FHIR package with the packages it depends on, transitively, taken from a <see cref="PackageFolder"/>: the
/// package first, then its dependencies breadth-first, each once. R4 core is built in and never looked for; a
/// dependency the folder lacks is named in <see cref="Missing"/> (the definitions it would give are then unknown).
/// </summary>
public sealed class PackageSet
{
    /// <summary>Packages the gateway carries itself (R4 core is embedded): never looked for in the folder.</summary>
    private static readonly HashSet<string> BuiltIn = new(StringComparer.Ordinal) { "hl7.fhir.r4.core" };

    private PackageSet(IReadOnlyList<FhirPackage> packages, IReadOnlyList<string> missing)
    {
        Packages = packages;
        Missing = missing;
    }

    /// <summary>The package asked for, then each dependency found.</summary>
    public IReadOnlyList<FhirPackage> Packages { get; }

    /// <summary>One line per dependency not found: which package needs which <c>name#version</c>, and where it was looked for.</summary>
    public IReadOnlyList<string> Missing { get; }

    public static PackageSet Load(string path, PackageFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var first = FhirPackage.Read(path);
        var packages = new List<FhirPackage> { first };
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { first.Name };
        for (var i = 0; i < packages.Count; i++)
        {
            foreach (var (name, version) in packages[i].Dependencies.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                if (BuiltIn.Contains(name) || !seen.Add(name)) continue;
                if (folder.Find(name, version) is { } found) packages.Add(FhirPackage.Read(found));
                else missing.Add($"{packages[i]} depends on {name}#{version}, which is not in {folder} (fetch it there, e.g. with npm pack, to check what it defines)");
            }
        }
        return new PackageSet(packages, missing);
    }
}
