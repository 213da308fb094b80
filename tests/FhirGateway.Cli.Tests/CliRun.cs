using FhirGateway.Cli;

namespace FhirGateway.Cli.Tests;

/// <summary>Runs <c>fhirgw</c> in process and captures its exit code, stdout and stderr.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
