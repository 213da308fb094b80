namespace FhirGateway.Fhir.Definitions.Sources;

/// <summary>
/// A local folder of FHIR packages in the <c>~/.fhir/packages</c> layout (<c>&lt;name&gt;#&lt;version&gt;/package/…</c>), where
/// FHIR tools (the HL7 validator, Firely, SUSHI) keep the packages they fetched. <see cref="Default"/> is the folder the
/// <c>FHIR_PACKAGES</c> environment variable names, else <c>~/.fhir/packages</c>.
/// </summary>
public sealed class PackageFolder(string root)
{
    public const string EnvironmentVariable = "FHIR_PACKAGES";

    public string Root { get; } = root;

    public static PackageFolder Default { get; } = new(
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } named
            ? named
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fhir", "packages"));

    /// <summary>The folder of <c>name#version</c> when it holds a package (<c>package/package.json</c>), else null.</summary>
    public string? Find(string name, string version)
    {
        var folder = Path.Combine(Root, $"{name}#{version}");
        return File.Exists(Path.Combine(folder, "package", "package.json")) ? folder : null;
    }

    public override string ToString() => Root;
}
