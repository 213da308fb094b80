using System.CommandLine;
using FhirGateway.Runtime.Partners;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw partners check [--data DIR] [--config FILE]</c>: reads each configured partner's <c>/metadata</c> and prints a table of
/// what the gateway needs (FHIR 4.0.x, JSON, transaction, conditional create/update on the types it sends), with the
/// shortfalls under it. Exit 0 when every partner has what it needs, 1 when one falls short, 2 when none is configured
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
        var reports = new List<(Partner Partner, CapabilityReport Report)>();
        foreach (var partner in directory.All)
        {
            var answer = await client.GetCapabilitiesAsync(partner, cancellationToken);
            reports.Add((partner, CapabilityCheck.Evaluate(partner.Id, answer.StatusCode, answer.Body, answer.Failure)));
        }
        await WriteTableAsync(reports, stdout, cancellationToken);
        return reports.All(r => r.Report.Sufficient) ? CliApp.ExitOk : CliApp.ExitIssues;
    }

    private static async Task WriteTableAsync(List<(Partner Partner, CapabilityReport Report)> reports, TextWriter stdout, CancellationToken cancellationToken)
    {
        string[] header = ["PARTNER", "BASE URL", "FHIR", "JSON", "TRANSACTION", "CONDITIONAL", "RESULT"];
        var rows = reports.Select(r => new[]
        {
            r.Partner.Id, r.Partner.BaseUri.ToString(), r.Report.FhirVersion ?? "-", YesNo(r.Report.Json), YesNo(r.Report.Transaction),
            YesNo(r.Report.Conditional), r.Report.Sufficient ? "ok" : "FALLS SHORT",
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        string Format(string[] cells) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        await stdout.WriteLineAsync(Format(header).AsMemory(), cancellationToken);
        foreach (var row in rows) await stdout.WriteLineAsync(Format(row).AsMemory(), cancellationToken);
        foreach (var (partner, _) in reports)
            foreach (var url in PartnerTransport.InsecureUrls(partner.Options))
                await stdout.WriteLineAsync($"{partner.Id}: WARNING plain http to {url} (AllowInsecureHttp): records travel unencrypted".AsMemory(), cancellationToken);
        foreach (var (partner, report) in reports.Where(r => !r.Report.Sufficient))
            foreach (var shortfall in report.Shortfalls)
                await stdout.WriteLineAsync($"{partner.Id}: {shortfall}".AsMemory(), cancellationToken);
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
