namespace FhirGateway.Testing;

/// <summary>The repository root: the first folder above the test binaries that holds FhirGateway.sln.</summary>
public static class RepositoryFolder
{
    public static string? Root { get; } = Locate();

    public static string? Combine(params string[] parts) => Root is null ? null : Path.Combine([Root, .. parts]);

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FhirGateway.sln"))) return dir.FullName;
        return null;
    }
}
