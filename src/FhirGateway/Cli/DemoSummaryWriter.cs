using FhirGateway.Demo;

namespace FhirGateway.Cli;

/// <summary>Prints the demo's summary: intake, resources, deliveries, parked records with reasons, held records, the ledger, and the trace command (<paramref name="self"/> is how to run fhirgw from here, see <see cref="SelfCommand"/>).</summary>
internal sealed class DemoSummaryWriter(TextWriter stdout, string self)
{
    public async Task WriteAsync(DemoReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var stored = report.Seeds.Count(s => s.RecordKey is not null);
        var refused = report.Seeds.Where(s => s.RecordKey is null).ToList();
        var data = Quote(report.DataFolder);
        foreach (var partner in report.Partners) await Line($"sandbox partner {partner.Id} (not a product): {partner.BaseUrl}  {partner.Name}");
        await Line($"data folder:  {report.DataFolder}");
        await Line("");
        await Line($"records      {report.Seeds.Count} seed files: {stored} stored, {refused.Count} refused at intake");
        foreach (var seed in refused) await Line($"  refused  {seed.File} (HTTP {seed.Status}): {seed.Refusal}");
        await Line($"resources    {report.Store.Resources} mapped from {report.Store.RecordsRouted} records");
        await Line($"delivered    {report.Store.DeliveriesDelivered} records");
        foreach (var partner in report.Partners) await Line($"  {partner.Id} now holds {partner.Resources} resources");
        await Line($"parked       {report.Parked.Count}");
        foreach (var p in report.Parked)
            await Line($"  {p.RecordKey} ({p.Kind}) at {p.Step}{(p.PartnerId is null ? "" : " to " + p.PartnerId)}: {DemoRun.FirstIssue(p.OperationOutcome) ?? "(no outcome)"}");
        await Line($"held         {report.Held.Count} for consent (released automatically when a consent to share with the partner arrives)");
        foreach (var group in report.Held.GroupBy(h => (h.PartnerId, h.Reason)))
            await Line($"  {group.Count()} records for {group.Key.PartnerId}: {group.Key.Reason}");
        await Line($"audit        {report.Store.AuditEvents} AuditEvents; ledger {(report.Ledger.Intact ? "intact" : "BROKEN")}: {report.Ledger.Count} entries");
        await InboundAsync(report.Inbound);
        if (!report.Settled) await Line("waiting      the queue did not settle in time: some records are still pending");
        foreach (var file in report.Undelivered) await Line($"  not delivered: {file}");
        foreach (var seed in report.Seeds.Where(s => s.Broken && !report.BrokenStopped(s))) await Line($"  broken seed not parked: {seed.File}");
        await Line("");
        var example = report.Seeds.FirstOrDefault(s => !s.Broken && s.RecordKey is not null && s.File.Contains("infusion", StringComparison.Ordinal))
            ?? report.Seeds.FirstOrDefault(s => s.RecordKey is not null);
        if (example?.RecordKey is { } key)
            await Line($"trace one record:  {self} audit trace --record {key[..key.LastIndexOf('@')]} --data {data}");
        if (report.Inbound is { } inbound) await Line($"trace the update:  {self} audit trace --record {inbound.TraceKey} --data {data}");
        await Line($"check the ledger:  {self} audit verify --data {data}");
        await Line(report.Success
            ? "result: OK (every good seed delivered; every broken seed parked or refused with its reasons; the partner's update reached the clinic)"
            : "result: NOT OK (see above)");
    }

    private async Task InboundAsync(DemoInbound? inbound)
    {
        if (inbound is null)
        {
            await Line("inbound      not tried (the queue did not settle)");
            return;
        }
        if (!inbound.Arrived)
        {
            await Line($"inbound      {inbound.Resource} recorded at {inbound.PartnerId} did NOT reach the clinic in time");
            return;
        }
        await Line($"inbound      1 update recorded at {inbound.PartnerId} reached the clinic: {inbound.Resource}, matched to its clinic patient, feed #{inbound.FeedSeq} (GET /inbound)");
        await Line($"  outbox  {inbound.OutboxFile}");
    }

    private Task Line(string text) => stdout.WriteLineAsync(text);

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
