using System.CommandLine;
using FhirGateway.Runtime.Intake;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw ingest FILE|DIR… [--data DIR] [--config FILE]</c>: stores clinic records (a folder: every <c>*.json</c> below it) in the
/// gateway's store, exactly as <c>POST /records</c> would; works whether or not the gateway is running (a running
/// gateway picks them up). One line per file; exit 0 when all were stored (or were repeats), 1 when any was refused,
/// 2 on I/O or configuration errors.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Record files or folders of records." };
        var command = new Command("ingest", "Store clinic records in the gateway's store (whether or not the gateway is running).") { paths };
        var location = GatewayCli.AddLocation(command);
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(paths) ?? [], location(result),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, GatewayCli.Location data, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var host = await GatewayCli.ToolsAsync("ingest", data, stderr, cancellationToken, writesLedger: true);
        if (host is null) return CliApp.ExitUsage;
        await host.Services.GetRequiredService<IGatewayStore>().InitializeAsync(cancellationToken);
        var intake = host.Services.GetRequiredService<RecordIntake>();
        int stored = 0, repeats = 0, refused = 0, failed = 0;
        foreach (var file in Expand(paths, stderr, ref failed))
        {
            IntakeResult result;
            try
            {
                // the same Intake:MaxRecordBytes as POST /records and the inbox, checked before the file is read
                result = intake.RefuseIfTooLarge(new FileInfo(file).Length, "cli")
                    ?? await intake.SubmitAsync(await File.ReadAllBytesAsync(file, cancellationToken), "cli", cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"{file}: cannot read: {CliIo.Describe(file, e)}".AsMemory(), cancellationToken);
                failed++;
                continue;
            }
            switch (result.Receipt?.Status)
            {
                case IntakeStatus.Accepted:
                    stored++;
                    await stdout.WriteLineAsync($"stored   {file}  {result.Receipt.RecordKey}  {result.Receipt.ReceiptId}".AsMemory(), cancellationToken);
                    break;
                case IntakeStatus.Duplicate:
                    repeats++;
                    await stdout.WriteLineAsync($"repeat   {file}  {result.Receipt.RecordKey}  {result.Receipt.ReceiptId} (stored before)".AsMemory(), cancellationToken);
                    break;
                default:
                    refused++;
                    await stdout.WriteLineAsync($"refused  {file}".AsMemory(), cancellationToken);
                    foreach (var issue in result.Issues) await stderr.WriteLineAsync((issue with { Origin = file }).ToString().AsMemory(), cancellationToken);
                    break;
            }
        }
        await host.Services.GetRequiredService<LedgerCheckpoints>().WriteAsync(cancellationToken);
        await stdout.WriteLineAsync($"{stored} stored, {repeats} repeats, {refused} refused{(failed > 0 ? $", {failed} unreadable" : "")}".AsMemory(), cancellationToken);
        if (failed > 0) return CliApp.ExitUsage;
        return refused > 0 ? CliApp.ExitIssues : CliApp.ExitOk;
    }

    private static List<string> Expand(string[] paths, TextWriter stderr, ref int failed)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path)) files.AddRange(Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(path)) files.Add(path);
            else
            {
                stderr.WriteLine($"{path}: no such file or folder");
                failed++;
            }
        }
        return files;
    }
}
