using System.CommandLine;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Mapping.Ig;
using FhirGateway.Runtime.Partners;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw ig pack [--ig DIR] [--out FILE]</c>: packs the clinic IG (the embedded one, or the source folder given
/// with --ig) as a FHIR package .tgz with generated snapshots, the ImplementationGuide resource, the gateway's
/// CapabilityStatement and the valid examples (<c>examples/valid/</c>) under <c>package/example/</c>. Snapshot problems go to stderr; with errors no file is
/// written and the exit code is 1.
/// </summary>
internal static class IgCommand
{
    public static Command Create()
    {
        var source = new Option<DirectoryInfo?>("--ig") { Description = "The IG source folder (package.json and the definitions at its top, JSON or FHIR XML); default: the IG built into fhirgw." };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the package; default: <name>-<version>.tgz in the current folder." };
        var pack = new Command("pack", "Write the clinic IG as a FHIR package (.tgz) with generated snapshots.") { source, output };
        pack.SetAction((result, cancellationToken) => PackAsync(result.GetValue(source), result.GetValue(output),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return new Command("ig", "The clinic's implementation guide.") { pack };
    }

    private static async Task<int> PackAsync(DirectoryInfo? source, FileInfo? output, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        IgPackage package;
        try
        {
            package = source is null
                ? IgPackager.Pack(GatewayCapabilityStatement.WithStatement(ClinicIgDefinitions.Files), ClinicIgDefinitions.Examples)
                : IgPackager.Pack(GatewayCapabilityStatement.WithStatement(IgPackager.ReadFolder(source.FullName)), IgPackager.ReadExamples(source.FullName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DefinitionFormatException or System.Text.Json.JsonException)
        {
            await stderr.WriteLineAsync($"ig pack: {source?.FullName ?? "embedded IG"}: {e.Message}".AsMemory(), cancellationToken);
            return CliApp.ExitUsage;
        }
        foreach (var issue in package.Issues) await stderr.WriteLineAsync(issue.ToString().AsMemory(), cancellationToken);
        if (package.HasErrors) return CliApp.ExitIssues;
        var target = output?.FullName ?? Path.Combine(Directory.GetCurrentDirectory(), package.FileName);
        try
        {
            await File.WriteAllBytesAsync(target, package.Tgz, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"ig pack: cannot write {target}: {CliIo.Describe(target, e)}".AsMemory(), cancellationToken);
            return CliApp.ExitUsage;
        }
        await stdout.WriteLineAsync($"{target}".AsMemory(), cancellationToken);
        return CliApp.ExitOk;
    }
}
