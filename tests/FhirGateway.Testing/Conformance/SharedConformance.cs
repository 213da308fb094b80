namespace FhirGateway.Testing;

/// <summary>
/// The one locator of the outside conformance material: <c>../shared/conformance</c> beside the repository root (the
/// folder holding FhirGateway.sln). Every test project and tool that reads it goes through here; tests that need it
/// skip, saying why, when this machine does not have it.
/// </summary>
public static class SharedConformance
{
    /// <summary>The conformance folder, or null when this machine does not have it.</summary>
    public static string? Root { get; } = RepositoryFolder.Root is { } repository ? Beside(repository) : null;

    /// <summary>The conformance folder beside a given repository root (for a copy of the binaries run elsewhere), or null when absent.</summary>
    public static string? Beside(string repositoryRoot)
    {
        var shared = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "conformance"));
        return Directory.Exists(shared) ? shared : null;
    }

    /// <summary>A folder of the conformance material (<c>validator</c>, <c>r4-examples</c>, <c>fhirpath</c>), or null when absent.</summary>
    public static string? Folder(string name)
    {
        if (Root is null) return null;
        var path = Path.Combine(Root, name);
        return Directory.Exists(path) ? path : null;
    }

    /// <summary>Why a test over the material (or one folder of it) cannot run here.</summary>
    public static string MissingReason(string? name = null) =>
        $"../shared/conformance{(name is null ? "" : "/" + name)} is not present beside the repository (looked up from {AppContext.BaseDirectory}); this conformance check needs it.";

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
}

/// <summary>A fact over the conformance material (or one folder of it), skipped with the reason when it is absent.</summary>
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute(string? folder = null)
    {
        if (folder is null ? SharedConformance.Root is null : SharedConformance.Folder(folder) is null) Skip = SharedConformance.MissingReason(folder);
    }
}

/// <summary>A theory over the conformance material (or one folder of it), skipped with the reason when it is absent.</summary>
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute(string? folder = null)
    {
        if (folder is null ? SharedConformance.Root is null : SharedConformance.Folder(folder) is null) Skip = SharedConformance.MissingReason(folder);
    }
}
