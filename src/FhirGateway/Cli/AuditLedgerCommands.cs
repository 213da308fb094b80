using System.CommandLine;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw audit verify [--checkpoint FILE]</c> recomputes the keyed hash chain and checks it against the signed
/// checkpoints (the data folder's, and an exported file): exit 0 when intact, 1 naming the first broken entry, a
/// truncated tail, a rewritten chain or an altered checkpoint, or an unkeyed ledger nothing vouches for while a key is
/// configured. <c>fhirgw audit export --out DIR</c> writes the chain and the checkpoints (a fresh one of the head first) for an auditor.
/// </summary>
internal static class AuditLedgerCommands
{
    public static Command Verify()
    {
        var checkpoint = new Option<string?>("--checkpoint") { Description = "A checkpoints file (e.g. one exported earlier) to check the ledger against too." };
        var command = new Command("verify", "Recompute the ledger's hash chain, check it against the signed checkpoints, name what does not hold.") { checkpoint };
        var location = GatewayCli.AddLocation(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            var extra = result.GetValue(checkpoint);
            if (extra is not null && !File.Exists(extra))
            {
                await stderr.WriteLineAsync($"audit verify: no checkpoints file {extra}".AsMemory(), cancellationToken);
                return CliApp.ExitUsage;
            }
            using var host = await GatewayCli.ToolsAsync("audit verify", location(result), stderr, cancellationToken, existingData: true);
            if (host is null) return CliApp.ExitUsage;
            await host.Services.GetRequiredService<IGatewayStore>().InitializeAsync(cancellationToken);
            var audit = host.Services.GetRequiredService<LedgerAudit>();
            var found = await audit.VerifyAsync(extra is null ? [] : [extra], cancellationToken);
            return await ReportAsync(found.Verification, audit.Keys, found.CheckpointFileProblems, stdout, cancellationToken);
        });
        return command;
    }

    public static Command Export()
    {
        var output = new Option<string>("--out") { Description = "The folder to write ledger.jsonl and checkpoints.jsonl into.", Required = true };
        var command = new Command("export", "Write the ledger's chain and its signed checkpoints for an auditor.") { output };
        var location = GatewayCli.AddLocation(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var stderr = result.InvocationConfiguration.Error;
            using var host = await GatewayCli.ToolsAsync("audit export", location(result), stderr, cancellationToken, existingData: true);
            if (host is null) return CliApp.ExitUsage;
            var store = host.Services.GetRequiredService<IGatewayStore>();
            await store.InitializeAsync(cancellationToken);
            var writer = host.Services.GetRequiredService<LedgerCheckpoints>();
            await writer.WriteAsync(cancellationToken);
            var (checkpoints, _) = LedgerCheckpoint.ReadFile(writer.FilePath);
            var folder = result.GetValue(output)!;
            try
            {
                var count = await LedgerExport.WriteAsync(store, checkpoints, folder, cancellationToken);
                await result.InvocationConfiguration.Output.WriteLineAsync(
                    $"exported {count} entries and {checkpoints.Count} checkpoints to {Path.GetFullPath(folder)}".AsMemory(), cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"audit export: cannot write {folder}: {e.Message}".AsMemory(), cancellationToken);
                return CliApp.ExitUsage;
            }
            return CliApp.ExitOk;
        });
        return command;
    }

    private static async Task<int> ReportAsync(LedgerVerification v, LedgerKeyRing keys, IReadOnlyList<string> problems, TextWriter stdout, CancellationToken cancellationToken)
    {
        async Task Line(string text) => await stdout.WriteLineAsync(text.AsMemory(), cancellationToken);
        if (v.BrokenSeq is not null)
        {
            await Line($"ledger broken at entry #{v.BrokenSeq}: {v.Reason}");
            await Line($"the {v.Count} entries before it are intact");
            return CliApp.ExitIssues;
        }
        if (v.CheckpointProblem is not null || problems.Count > 0)
        {
            await Line($"ledger does not agree with its checkpoints: {v.CheckpointProblem ?? string.Join("; ", problems)}");
            await Line($"the chain itself holds: {v.Count} entries, head {v.HeadHash}");
            return CliApp.ExitIssues;
        }
        var unsealed = v.Count > 0 && v.UnkeyedEntries == v.Count && v.CheckpointsChecked == 0;
        await Line(unsealed ? $"ledger unkeyed: {v.Count} entries, head {v.HeadHash}" : $"ledger intact: {v.Count} entries, head {v.HeadHash}");
        if (v.UnkeyedEntries > 0 && v.UnkeyedEntries < v.Count)
            await Line($"  entries #1-#{v.UnkeyedEntries} are unkeyed (written before the ledger had a key); keyed entry #{v.UnkeyedEntries + 1} seals them");
        if (v.CheckpointsChecked > 0) await Line($"  {v.CheckpointsChecked} signed checkpoints agree with it");
        if (!unsealed) return CliApp.ExitOk;
        await Line("  its chain holds, but anyone who can write the database could have recomputed it: no keyed entry and no checkpoint vouch for it");
        if (keys.Current is null) return CliApp.ExitOk;
        await Line("  a ledger key is configured, and a gateway with a key seals an unkeyed ledger: this one was written without the key, or rewritten");
        return CliApp.ExitIssues;
    }
}
