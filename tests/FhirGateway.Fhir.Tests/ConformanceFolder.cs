namespace FhirGateway.Fhir.Tests;

/// <summary>
/// The outside conformance material (<c>../shared/conformance</c> beside the repository root, the folder that
/// holds FhirGateway.sln), or null when this machine does not have it.
/// </summary>
internal static class ConformanceFolder
{
    public static string? Path { get; } = Locate();

    public static string AbsentReason => "../shared/conformance is not present beside the repository root on this machine";

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "FhirGateway.sln"))) continue;
            var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "conformance"));
            return Directory.Exists(shared) ? shared : null;
        }
        return null;
    }
}

/// <summary>A fact that needs the conformance material: skipped, with the reason, when it is absent.</summary>
internal sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (ConformanceFolder.Path is null) Skip = ConformanceFolder.AbsentReason;
    }
}
