using FhirGateway.Cli;

namespace FhirGateway.Cli.Tests;

/// <summary>Runs <c>fhirgw</c> in-process (exit code, stdout, stderr) and finds the repository's folders.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>A path inside the repository (found by walking up to FhirGateway.sln).</summary>
    public static string Repo(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FhirGateway.sln"))) return Path.Combine([dir.FullName, .. parts]);
        throw new InvalidOperationException("FhirGateway.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The repository's <c>seeds/</c> folder.</summary>
    public static string Seeds => Repo("seeds");
}
