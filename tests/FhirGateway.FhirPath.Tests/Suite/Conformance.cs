namespace FhirGateway.FhirPath.Tests.Suite;

/// <summary>Finds <c>../shared/conformance</c> next to the repository root (the folder holding FhirGateway.sln).</summary>
public static class Conformance
{
    public static string? Root { get; } = Locate();

    public static string? FhirPathFolder => Root is null ? null : Path.Combine(Root, "fhirpath");

    public const string AbsentReason = "../shared/conformance is absent: the HL7 FHIRPath suite cannot run on this machine.";

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "FhirGateway.sln"))) continue;
            var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance"));
            return Directory.Exists(candidate) ? candidate : null;
        }
        return null;
    }
}
