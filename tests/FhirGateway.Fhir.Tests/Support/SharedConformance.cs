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

    /// <summary>The names of a folder's files matching <paramref name="pattern"/>, in order, as theory data; one placeholder row when the folder is absent (the theory then skips).</summary>
    public static TheoryData<string> FileNames(string name, string pattern)
    {
        var data = new TheoryData<string>();
        if (Folder(name) is not { } folder)
        {
            data.Add("(folder absent)");
            return data;
        }
        foreach (var file in Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
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
