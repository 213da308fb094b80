using System.CommandLine;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Cli;

/// <summary>The <c>fhirgw</c> command line: composes the commands, each defined in its own file.</summary>
public static class CliApp
{
    /// <summary>Exit code for a clean run.</summary>
    public const int ExitOk = 0;
    /// <summary>Exit code when the input has error issues.</summary>
    public const int ExitIssues = 1;
    /// <summary>Exit code for usage and I/O errors.</summary>
    public const int ExitUsage = 2;
    /// <summary>Exit code when the gateway stopped because one of its workers failed (never a clean 0 for a supervisor).</summary>
    public const int ExitFailure = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var root = new RootCommand("FhirGateway: the clinic's FHIR R4 interoperability gateway.");
        root.Add(FormatCommand.Create(() => StructureTypeModel.R4Core, stdout, stderr));
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(SnapshotCommand.Create());
        root.Subcommands.Add(FhirPathCommand.Create(() => StructureTypeModel.R4Core, stdout, stderr));
        root.Subcommands.Add(MapCommand.Create());
        root.Subcommands.Add(IgCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(PartnersCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(RecordsCommand.Create());
        root.Subcommands.Add(ConfigCommand.Create());
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        // fhirgw alone: the help, as --help gives it
        var result = root.Parse(args.Length == 0 ? ["--help"] : args, CliParsing.Configuration);
        var errors = CliParsing.Errors(root, result);
        if (errors.Count > 0)
        {
            foreach (var e in errors) await stderr.WriteLineAsync(e.AsMemory(), cancellationToken);
            return ExitUsage;
        }
        return await result.InvokeAsync(config, cancellationToken);
    }
}
