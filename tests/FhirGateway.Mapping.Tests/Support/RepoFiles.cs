namespace FhirGateway.Mapping.Tests.Support;

/// <summary>Finds the repository's folders (seeds/, profiles/) from the test's output folder.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Profiles => Path.Combine(Root, "profiles");

    /// <summary>The good seed records (seeds/als, seeds/ms), as paths relative to seeds/.</summary>
    public static IEnumerable<string> GoodSeeds() =>
        new[] { "als", "ms" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(Seeds, d), "*.json"))
            .Select(f => Path.GetRelativePath(Seeds, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

    public static byte[] Seed(string relative) => File.ReadAllBytes(Path.Combine(Seeds, relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FhirGateway.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (FhirGateway.sln) above " + AppContext.BaseDirectory);
    }
}
