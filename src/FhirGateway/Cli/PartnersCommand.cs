using System.CommandLine;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;
using FhirGateway.Validation.Compatibility;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw partners check [--data DIR] [--config FILE]</c>: reads each configured partner's <c>/metadata</c> and prints a table of
/// what the gateway needs (FHIR 4.0.x, JSON, transaction, and per request of the mapping's conditional-request table the
/// type, interaction, conditional flag and search parameter) and the transaction limit in force (configured or learned),
/// then each shortfall (blocks delivery) and each workaround, the known incompatibilities of the validator a partner's
/// software embeds with what the gateway sends (partner-validators.json; warnings, not shortfalls), and what inbound
/// needs of it. Exit 0 when every partner has what it needs, 1 when one falls short, 2 when none is configured
/// or the configuration is not valid.
/// </summary>
internal static class PartnersCommand
{
    public static Command Create()
    {
        var partners = new Command("partners", "Partner hospitals' EHRs.");
        var check = new Command("check", "Read each partner's CapabilityStatement and report whether it supports what the gateway needs.");
        var location = GatewayCli.AddLocation(check);
        check.SetAction((result, cancellationToken) => CheckAsync(location(result), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        partners.Subcommands.Add(check);
        return partners;
    }

    private static async Task<int> CheckAsync(GatewayCli.Location data, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var host = await GatewayCli.ToolsAsync("partners check", data, stderr, cancellationToken);
        if (host is null) return CliApp.ExitUsage;
        var directory = host.Services.GetRequiredService<PartnerDirectory>();
        if (directory.All.Count == 0)
        {
            await stderr.WriteLineAsync("partners check: no partner is configured (Partners:0:Id, Partners:0:BaseUrl… or FHIRGW_PARTNERS__0__ID…)".AsMemory(), cancellationToken);
            return CliApp.ExitUsage;
        }
        var client = host.Services.GetRequiredService<PartnerClient>();
        var state = host.Services.GetRequiredService<IPartnerStateStore>();
        var reports = new List<(Partner Partner, CapabilityReport Report)>();
        var inbound = new List<(Partner Partner, IReadOnlyList<InboundFinding> Findings)>();
        foreach (var partner in directory.All)
        {
            var answer = await client.GetCapabilitiesAsync(partner, cancellationToken);
            var limits = new PartnerLimits(partner.MaxTransactionEntries, await LearnedAsync(state, partner, cancellationToken), partner.ConditionalReferences);
            reports.Add((partner, CapabilityCheck.Evaluate(partner.Id, answer.StatusCode, answer.Body, answer.Failure, limits)));
            inbound.Add((partner, InboundFindings(partner, answer.StatusCode, answer.Body)));
        }
        await WriteTableAsync(reports, stdout, cancellationToken);
        await WriteInboundAsync(inbound, stdout, cancellationToken);
        return reports.All(r => r.Report.Sufficient) && inbound.All(i => !i.Findings.Any(f => f.Blocks)) ? CliApp.ExitOk : CliApp.ExitIssues;
    }

    /// <summary>The limit learned from the partner's refusals; none when the data folder holds no store yet.</summary>
    private static async Task<LearnedLimit?> LearnedAsync(IPartnerStateStore state, Partner partner, CancellationToken cancellationToken)
    {
        try
        {
            return await state.GetLearnedLimitAsync(partner.Id, cancellationToken);
        }
        catch (System.Data.Common.DbException) // no store yet (SQLite: no tables; PostgreSQL: not migrated or not reachable)
        {
            return null;
        }
    }

    private static async Task WriteTableAsync(List<(Partner Partner, CapabilityReport Report)> reports, TextWriter stdout, CancellationToken cancellationToken)
    {
        string[] header = ["PARTNER", "BASE URL", "FHIR", "JSON", "TRANSACTION", "CONDITIONAL", "LIMIT", "RESULT"];
        var rows = reports.Select(r => new[]
        {
            r.Partner.Id, r.Partner.BaseUri.ToString(), r.Report.FhirVersion ?? "-", YesNo(r.Report.Json), YesNo(r.Report.Transaction),
            YesNo(r.Report.Conditional), r.Report.TransactionLimit?.Split(' ')[0] ?? "-", r.Report.Sufficient ? "ok" : "FALLS SHORT",
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        string Format(string[] cells) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        await stdout.WriteLineAsync(Format(header).AsMemory(), cancellationToken);
        foreach (var row in rows) await stdout.WriteLineAsync(Format(row).AsMemory(), cancellationToken);
        foreach (var (partner, _) in reports)
            foreach (var url in PartnerTransport.InsecureUrls(partner.Options))
                await stdout.WriteLineAsync($"{partner.Id}: WARNING plain http to {url} (AllowInsecureHttp): records travel unencrypted".AsMemory(), cancellationToken);
        foreach (var (partner, report) in reports)
        {
            foreach (var shortfall in report.Shortfalls)
                await stdout.WriteLineAsync($"{partner.Id}: {shortfall} — blocks delivery".AsMemory(), cancellationToken);
            foreach (var workaround in report.WorkedAround)
                await stdout.WriteLineAsync($"{partner.Id}: worked around: {workaround}".AsMemory(), cancellationToken);
        }
        foreach (var (partner, report) in reports)
            foreach (var known in PartnerValidatorIncompatibilities.All.Where(k => k.RunsOn(report.Software) && Mapping.Bundles.ConditionalRequests.ResourceTypes.Contains(k.ResourceType)))
                await stdout.WriteLineAsync($"{partner.Id}: warning: {report.Software} validates with {known.Validator}, which {known.Effect} ({known.ResourceType} {known.Rule}; the gateway sends {known.ResourceType} and holds it valid)".AsMemory(), cancellationToken);
    }

    /// <summary>What inbound needs of the partner (none for Mode None; a statement that could not be read was reported above and blocks).</summary>
    private static IReadOnlyList<InboundFinding> InboundFindings(Partner partner, int? status, ReadOnlyMemory<byte> body)
    {
        if (partner.Inbound.Mode == Runtime.Hosting.InboundMode.None) return [];
        try
        {
            if (status is >= 200 and < 300)
            {
                using var doc = System.Text.Json.JsonDocument.Parse(body);
                return InboundCapabilityCheck.Evaluate(partner, doc.RootElement);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // reported with the capability shortfalls
        }
        return [new InboundFinding("inbound: its CapabilityStatement could not be read (blocks)", true)];
    }

    private static async Task WriteInboundAsync(List<(Partner Partner, IReadOnlyList<InboundFinding> Findings)> inbound, TextWriter stdout, CancellationToken cancellationToken)
    {
        foreach (var (partner, findings) in inbound)
        {
            await stdout.WriteLineAsync($"{partner.Id}: {InboundCapabilityCheck.Summary(partner, findings)}".AsMemory(), cancellationToken);
            foreach (var finding in findings) await stdout.WriteLineAsync($"{partner.Id}: {finding.Text}".AsMemory(), cancellationToken);
        }
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
