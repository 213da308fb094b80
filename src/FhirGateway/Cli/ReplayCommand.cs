using System.CommandLine;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw replay --record ID | --all [--data DIR] [--config FILE]</c>: makes parked records (refused by the mapper, the validator
/// or a partner) wait again, so the pipeline runs them anew, e.g. after a mapping or profile fix. ID is a record id
/// (every parked version) or <c>id@version</c>. Exit 0 when something was replayed (or, with --all, nothing was
/// parked), 1 when --record matched no parked record, 2 on usage or configuration errors.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var record = new Option<string?>("--record") { Description = "The record id (or id@version) to replay." };
        var all = new Option<bool>("--all") { Description = "Replay every parked record." };
        var command = new Command("replay", "Run parked records through the pipeline again.") { record, all };
        var location = GatewayCli.AddLocation(command);
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(record), result.GetValue(all), location(result),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? record, bool all, GatewayCli.Location data, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if ((record is null) == !all)
        {
            await stderr.WriteLineAsync("replay: give either --record ID or --all".AsMemory(), cancellationToken);
            return CliApp.ExitUsage;
        }
        using var host = await GatewayCli.ToolsAsync("replay", data, stderr, cancellationToken, existingData: true, writesLedger: true);
        if (host is null) return CliApp.ExitUsage;
        await host.Services.GetRequiredService<IGatewayStore>().InitializeAsync(cancellationToken);
        var store = host.Services.GetRequiredService<IOperatorActions>();
        var replayed = await store.ReplayAsync(record, cancellationToken);
        await host.Services.GetRequiredService<LedgerCheckpoints>().WriteAsync(cancellationToken);
        if (replayed.Count == 0)
        {
            await stdout.WriteLineAsync((record is null ? "nothing is parked" : $"no parked record matches {record}").AsMemory(), cancellationToken);
            return record is null ? CliApp.ExitOk : CliApp.ExitIssues;
        }
        foreach (var key in replayed) await stdout.WriteLineAsync($"replayed {key}".AsMemory(), cancellationToken);
        await stdout.WriteLineAsync($"{replayed.Count} records wait to be processed again (by the running gateway, or at the next fhirgw run)".AsMemory(), cancellationToken);
        return CliApp.ExitOk;
    }
}
