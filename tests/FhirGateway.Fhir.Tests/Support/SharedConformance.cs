namespace FhirGateway.Fhir.Tests.Support;

/// <summary>Finds <c>../shared/conformance</c> next to the repository root (the folder holding FhirGateway.sln).</summary>
internal static class SharedConformance
{
    public static readonly string? Root = Find();

    public static string? Folder(string name)
    {
        if (Root is null) return null;
        var path = Path.Combine(Root, name);
        return Directory.Exists(path) ? path : null;
    }

    public static string MissingReason(string name) =>
        $"../shared/conformance/{name} is not present next to the repository (looked up from {AppContext.BaseDirectory}); this conformance check needs it.";

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "FhirGateway.sln"))) continue;
            var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance"));
            return Directory.Exists(shared) ? shared : null;
        }
        return null;
    }
}
