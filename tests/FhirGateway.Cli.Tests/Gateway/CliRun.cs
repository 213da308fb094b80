namespace FhirGateway.Cli.Tests.Gateway;

/// <summary>Runs <c>fhirgw</c> in-process and finds the repository's files.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>The repository's <c>seeds/</c> folder (found by walking up to FhirGateway.sln).</summary>
    public static string Seeds
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "FhirGateway.sln"))) return Path.Combine(dir.FullName, "seeds");
            throw new InvalidOperationException("FhirGateway.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
