namespace FhirGateway.Cli.Tests;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("fhirgw-cli-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
