using System.CommandLine;
using FhirGateway.Runtime.Inbound;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw audit trace --patient ID | --record ID</c> prints a record's (or every record of a patient's) story from
/// the ledger, across partners, one step a line; <c>verify</c> and <c>export</c> are in <see cref="AuditLedgerCommands"/>.
/// All take <c>--data DIR</c> and <c>--config FILE</c>; 2 on usage or configuration errors.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "Read and check the hash-chained ledger.");
        audit.Subcommands.Add(Trace());
        audit.Subcommands.Add(AuditLedgerCommands.Verify());
        audit.Subcommands.Add(AuditLedgerCommands.Export());
        return audit;
    }

    private static Command Trace()
    {
        var patient = new Option<string?>("--patient") { Description = "The clinic's patient id: every record of the patient." };
        var record = new Option<string?>("--record") { Description = "A record id (every version) or id@version." };
        var command = new Command("trace", "Print a record's (or a patient's) full story from the ledger.") { patient, record };
        var location = GatewayCli.AddLocation(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            var (p, r) = (result.GetValue(patient), result.GetValue(record));
            if ((p is null) == (r is null))
            {
                await stderr.WriteLineAsync("audit trace: give either --patient ID or --record ID".AsMemory(), cancellationToken);
                return CliApp.ExitUsage;
            }
            using var host = await GatewayCli.ToolsAsync("audit trace", location(result), stderr, cancellationToken, existingData: true);
            if (host is null) return CliApp.ExitUsage;
            await host.Services.GetRequiredService<IGatewayStore>().InitializeAsync(cancellationToken);
            var store = host.Services.GetRequiredService<ILedgerStore>();
            var entries = await store.TraceAsync(r, p, cancellationToken);
            if (entries.Count == 0)
            {
                await stdout.WriteLineAsync($"no ledger entries for {(p is null ? "record " + r : "patient " + p)}".AsMemory(), cancellationToken);
                return CliApp.ExitIssues;
            }
            var logKeys = host.Services.GetRequiredService<LogRecordKeys>();
            foreach (var group in entries.GroupBy(e => e.RecordKey))
            {
                await stdout.WriteLineAsync($"record {group.Key}{(logKeys.Hashed ? $" (in the logs: {logKeys.Show(group.Key)})" : "")}".AsMemory(), cancellationToken);
                foreach (var entry in group) await stdout.WriteLineAsync(Line(entry).AsMemory(), cancellationToken);
            }
            return CliApp.ExitOk;
        });
        return command;
    }

    /// <summary><c>  #12  2026-…Z  partner-response  → hosp-a  200  Observation/5/_history/1  detail</c>.</summary>
    private static string Line(LedgerEntry e)
    {
        var d = e.Draft;
        var parts = new List<string> { $"  #{e.Seq,-5}", e.At, $"{d.Step,-16}" };
        if (d.PartnerId is not null) parts.Add(d.Step is InboundLedger.ReceivedFromPartner or InboundLedger.HandedToClinic ? $"<- {d.PartnerId}" : $"-> {d.PartnerId}");
        if (d.Status is not null) parts.Add(d.Status);
        if (d.Resources.Count > 0) parts.Add(string.Join(" ", d.Resources));
        if (d.Detail is not null) parts.Add($"({d.Detail})");
        if (d.PayloadHash is not null) parts.Add(d.PayloadHash.Length > 19 ? d.PayloadHash[..19] + "…" : d.PayloadHash);
        return string.Join("  ", parts);
    }
}
