using System.CommandLine;
using System.Text;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Intake;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw records list|show|prune</c>: the gateway's records from its store, whether or not the gateway runs.
/// <c>list</c> prints one line per record (key, kind, state, partner states, reason), newest first, with the filters of
/// <c>GET /records</c>; <c>show KEY</c> one record's status, deliveries, resources and ledger story; <c>prune</c>
/// removes the payloads of delivered records (the ledger keeps their hashes). Exit 0; 1 when nothing matches; 2 on usage or configuration errors.
/// </summary>
internal static class RecordsCommand
{
    public static Command Create()
    {
        var records = new Command("records", "List, show and prune the gateway's records.");
        records.Subcommands.Add(List());
        records.Subcommands.Add(Show());
        records.Subcommands.Add(Prune());
        return records;
    }

    private static Command List()
    {
        var filters = RecordQueryParser.Names.Where(n => n != "page").ToDictionary(n => n, n => new Option<string?>("--" + n) { Description = FilterHelp(n) });
        var page = new Option<string?>("--page") { Description = "The cursor of the page to show (the 'next' a listing printed)." };
        var json = new Option<bool>("--json") { Description = "Print the page as JSON, as GET /records answers." };
        var command = new Command("list", "List records, newest first: key, kind, state, partner states, reason.");
        foreach (var option in filters.Values) command.Options.Add(option);
        command.Options.Add(page);
        command.Options.Add(json);
        var location = GatewayCli.AddLocation(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var (stdout, stderr) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            var errors = new List<string>();
            var query = RecordQueryParser.Parse(name => name == "page" ? result.GetValue(page) : filters.TryGetValue(name, out var o) ? result.GetValue(o) : null, errors);
            if (errors.Count > 0)
            {
                foreach (var e in errors) await stderr.WriteLineAsync($"records list: {e}".AsMemory(), cancellationToken);
                return CliApp.ExitUsage;
            }
            using var host = await GatewayCli.ToolsAsync("records list", location(result), stderr, cancellationToken, existingData: true);
            if (host is null) return CliApp.ExitUsage;
            await host.Services.GetRequiredService<IGatewayStore>().InitializeAsync(cancellationToken);
            var store = host.Services.GetRequiredService<IRecordQueries>();
            var listed = await store.ListRecordsAsync(query, cancellationToken);
            if (result.GetValue(json))
            {
                await stdout.WriteLineAsync(Encoding.UTF8.GetString(RecordListWriter.ToJson(listed)).AsMemory(), cancellationToken);
                return CliApp.ExitOk;
            }
            foreach (var r in listed.Records) await stdout.WriteLineAsync(RecordListWriter.Line(r).AsMemory(), cancellationToken);
            if (listed.Records.Count == 0) await stderr.WriteLineAsync("records list: no record matches".AsMemory(), cancellationToken);
            if (listed.Next is { } next) await stderr.WriteLineAsync($"more: add --page {next}".AsMemory(), cancellationToken);
            return listed.Records.Count == 0 ? CliApp.ExitIssues : CliApp.ExitOk;
        });
        return command;
    }

    private static string FilterHelp(string name) => name switch
    {
        "state" => $"Only records in this state: {string.Join(", ", ListedStates.All)}.",
        "partner" => "Only records routed to this partner (the state filter then looks at its delivery).",
        "patient" => "Only the records of this clinic patient id.",
        "kind" => "Only records of this kind.",
        "since" => "Only records received at or after this date or date and time (2026-12-01, 2026-12-01T08:00:00Z).",
        "until" => "Only records received before this date or date and time.",
        "limit" => "How many records per page (default 50, at most 500).",
        _ => name,
    };

    private static Command Show()
    {
        var key = new Argument<string>("key") { Description = "The record key (id@version), a record id (its latest version) or a receipt id." };
        var json = new Option<bool>("--json") { Description = "Print the record's status as JSON, as GET /records/{receipt} answers." };
        var command = new Command("show", "Show one record: its state, deliveries, why it is parked or held, its resources and its ledger story.") { key, json };
        var location = GatewayCli.AddLocation(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var (stdout, stderr) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            using var host = await GatewayCli.ToolsAsync("records show", location(result), stderr, cancellationToken, existingData: true);
            if (host is null) return CliApp.ExitUsage;
            await host.Services.GetRequiredService<IGatewayStore>().InitializeAsync(cancellationToken);
            var store = host.Services.GetRequiredService<IRecordQueries>();
            var record = await store.GetRecordAsync(result.GetValue(key)!, cancellationToken);
            if (record is null)
            {
                await stderr.WriteLineAsync($"records show: no record {result.GetValue(key)} is stored".AsMemory(), cancellationToken);
                return CliApp.ExitIssues;
            }
            var text = result.GetValue(json) ? Encoding.UTF8.GetString(RecordStatusWriter.ToJson(record.Status)) : RecordText.Describe(record);
            await stdout.WriteLineAsync(text.AsMemory(), cancellationToken);
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command Prune()
    {
        var before = new Option<string?>("--delivered-before") { Description = "Prune records delivered before this date or date and time (default: now minus Retention:DeliveredPayloads)." };
        var command = new Command("prune", "Remove the payloads and resources of delivered records; the ledger keeps their hashes.") { before };
        var location = GatewayCli.AddLocation(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var (stdout, stderr) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            var errors = new List<string>();
            var at = RecordQueryParser.Time(result.GetValue(before), "--delivered-before", errors);
            foreach (var e in errors) await stderr.WriteLineAsync($"records prune: {e}".AsMemory(), cancellationToken);
            if (errors.Count > 0) return CliApp.ExitUsage;
            using var host = await GatewayCli.ToolsAsync("records prune", location(result), stderr, cancellationToken, existingData: true);
            if (host is null) return CliApp.ExitUsage;
            var options = host.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
            if (at is null && options.Retention.DeliveredPayloads is { } keep) at = host.Services.GetRequiredService<TimeProvider>().GetUtcNow() - keep;
            if (at is null)
            {
                await stderr.WriteLineAsync("records prune: give --delivered-before DATE, or set Retention:DeliveredPayloads (FHIRGW_RETENTION__DELIVEREDPAYLOADS)".AsMemory(), cancellationToken);
                return CliApp.ExitUsage;
            }
            await host.Services.GetRequiredService<IGatewayStore>().InitializeAsync(cancellationToken);
            var store = host.Services.GetRequiredService<IOperatorActions>();
            var pruned = await store.PruneDeliveredAsync(at.Value, cancellationToken);
            await stdout.WriteLineAsync($"pruned {pruned} delivered records (delivered before {at.Value.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}): payloads and resources removed, the ledger keeps their hashes".AsMemory(), cancellationToken);
            return CliApp.ExitOk;
        });
        return command;
    }
}
