using System.Text;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;
using Microsoft.AspNetCore.Http;

namespace FhirGateway.Runtime.WebConsole;

/// <summary>The last ledger verification this gateway ran (in memory: a restart forgets it), and when.</summary>
public sealed class LedgerStatus
{
    private (LedgerVerification Result, DateTimeOffset At)? _last;

    public (LedgerVerification Result, DateTimeOffset At)? Last => _last;

    public void Record(LedgerVerification result, DateTimeOffset at) => _last = (result, at);
}

/// <summary>Partner health (circuit, last success, queue depth, held and parked) and the ledger's status, with a verify action.</summary>
internal static class StatusPage
{
    public static async Task<IResult> ShowAsync(HttpContext context, IRecordQueries store, PartnerDirectory partners, PartnerCircuits circuits, LedgerStatus ledger)
    {
        var queues = (await store.PartnerQueuesAsync(context.RequestAborted)).ToDictionary(q => q.PartnerId, StringComparer.Ordinal);
        var body = new StringBuilder("<h2>Partners</h2>");
        body.Append(ConsoleHtml.Table(["partner", "name", "circuit", "last delivered", "queue", "held", "parked", "delivered"], partners.All.Select(p =>
        {
            var q = queues.GetValueOrDefault(p.Id);
            string Count(string status) => (q?.ByStatus.GetValueOrDefault(status) ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new[]
            {
                ConsoleHtml.Encode(p.Id), ConsoleHtml.Encode(p.Name), ConsoleHtml.Encode(circuits.State(p.Id)), ConsoleHtml.Time(q?.LastDelivered),
                (q?.Depth ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), Count(DeliveryStates.Held), Count(DeliveryStates.Parked), Count(DeliveryStates.Delivered),
            };
        })));
        var summary = await store.SummaryAsync(context.RequestAborted);
        body.Append("<h2>Ledger</h2><p>Records: ").Append(summary.Records).Append(" (waiting ").Append(summary.RecordsWaiting).Append(", parked ")
            .Append(summary.RecordsParked).Append("). ");
        if (ledger.Last is { } last)
        {
            var (result, at) = last;
            body.Append("Last verified ").Append(ConsoleHtml.Time(at)).Append(": <span id=\"ledger-verdict\">")
                .Append(result.Intact ? $"intact, {result.Count} entries, head {ConsoleHtml.Encode(result.HeadHash[..16])}…" : $"broken at entry #{result.BrokenSeq}: {ConsoleHtml.Encode(result.Reason)}")
                .Append("</span>. ");
        }
        else body.Append("Not verified since the gateway started. ");
        body.Append(ConsoleHtml.Button(context, "/console/status/verify", "Verify the ledger now")).Append("</p>");
        return ConsoleHtml.Page(context, "Partners & ledger", body.ToString());
    }

    public static async Task<IResult> VerifyAsync(HttpContext context, ILedgerStore store, LedgerStatus ledger, TimeProvider time)
    {
        if (!await ConsoleModule.IsFormGenuineAsync(context)) return ConsoleHtml.Forbidden(context, "The form expired; reload the page.");
        var result = await LedgerVerifier.VerifyAsync(store.ReadLedgerAsync(context.RequestAborted), context.RequestAborted);
        ledger.Record(result, time.GetUtcNow());
        return Results.Redirect("/console/status");
    }
}
