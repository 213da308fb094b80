using System.Globalization;
using System.Text;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;
using Microsoft.AspNetCore.Http;

namespace FhirGateway.Runtime.WebConsole;

/// <summary>
/// Inbound updates: per partner that sends them, how (poll or subscription), each followed type's search cursor and the
/// subscription's event count and pending re-query; then the updates taken in, in arrival order and paged by feed
/// position (a number, never a patient), each with the clinic patient it was matched to, its flags and findings, and
/// whether it reached the outbox. A view is a ledger entry.
/// </summary>
internal static class InboundPage
{
    private const int PageSize = 50;

    public static async Task<IResult> ShowAsync(HttpContext context, string? after, IInboundStore inbound, ILedgerStore store, PartnerDirectory partners)
    {
        var cancellationToken = context.RequestAborted;
        long from = 0;
        if (!string.IsNullOrEmpty(after) && !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out from))
            return ConsoleHtml.Page(context, "Inbound updates", $"<p class=\"error\">'{ConsoleHtml.Encode(after)}' is not a feed position (a whole number).</p>", StatusCodes.Status400BadRequest);
        await ConsoleLedger.NoteAsync(context, store, ConsoleLedger.SessionKey, null, $"inbound updates viewed from #{from + 1}");
        var body = new StringBuilder("<h2>Partners sending updates</h2>");
        var sending = partners.All.Where(p => p.Inbound.Mode != InboundMode.None).ToList();
        if (sending.Count == 0) body.Append("<p class=\"note\">No partner is configured to send updates (Partners:N:Inbound:Mode).</p>");
        else
        {
            var rows = new List<string[]>();
            foreach (var p in sending) rows.Add([ConsoleHtml.Encode(p.Id), ConsoleHtml.Encode(p.Inbound.Mode.ToString()), await CursorsAsync(inbound, p, cancellationToken), await SubscriptionAsync(inbound, p, cancellationToken)]);
            body.Append(ConsoleHtml.Table(["partner", "mode", "searched up to (per type)", "subscription"], rows));
        }
        var items = await inbound.ReadInboundAsync(from, PageSize, cancellationToken);
        body.Append("<h2>Updates taken in</h2>");
        body.Append(ConsoleHtml.Table(["#", "received", "partner", "resource (the partner's)", "via", "clinic patient", "flags", "findings", "outbox"], items.Select(Row)));
        if (items.Count == 0) body.Append("<p class=\"note\" id=\"empty\">").Append(from == 0 ? "No update has been taken in." : "No update after this position.").Append("</p>");
        if (items.Count == PageSize)
            body.Append("<p><a id=\"next-page\" href=\"/console/inbound?after=").Append(items[^1].Seq.ToString(CultureInfo.InvariantCulture)).Append("\">Next page</a></p>");
        return ConsoleHtml.Page(context, "Inbound updates", body.ToString());
    }

    private static string[] Row(StoredInboundItem stored)
    {
        var item = stored.Item;
        var flags = new List<string>();
        if (!item.Valid) flags.Add("invalid");
        if (item.PatientId is null) flags.Add("unmatched-patient");
        var findings = OutcomeText.Issues(item.OperationOutcome).Select(i => $"{i.Severity} {i.Code}: {i.Text}{(i.Expression is null ? "" : " @ " + i.Expression)}");
        return
        [
            stored.Seq.ToString(CultureInfo.InvariantCulture), ConsoleHtml.Time(stored.ReceivedAt), ConsoleHtml.Encode(item.PartnerId), ConsoleHtml.Encode(item.Location),
            ConsoleHtml.Encode(item.Via), ConsoleHtml.Encode(item.PatientId ?? "—"),
            string.Join(" ", flags.Select(f => $"<span class=\"state parked\">{ConsoleHtml.Encode(f)}</span>")),
            string.Join("<br>", findings.Select(ConsoleHtml.Encode)),
            stored.Exported ? ConsoleHtml.Encode(stored.OutboxFile) : "<span class=\"note\">not yet</span>",
        ];
    }

    private static async Task<string> CursorsAsync(IInboundStore inbound, Partner partner, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        foreach (var type in partner.Inbound.EffectiveTypes)
        {
            var at = await inbound.GetCursorAsync(partner.Id, type, cancellationToken);
            parts.Add($"{ConsoleHtml.Encode(type)}: {(at is null ? "not yet" : ConsoleHtml.Time(at))}");
        }
        return string.Join("<br>", parts);
    }

    private static async Task<string> SubscriptionAsync(IInboundStore inbound, Partner partner, CancellationToken cancellationToken)
    {
        if (partner.Inbound.Mode != InboundMode.Subscription) return "";
        var s = await inbound.GetSubscriptionAsync(partner.Id, cancellationToken);
        if (s is null) return "no notification yet";
        var text = $"{s.Subscription ?? "(unnamed)"}: last event {s.LastEvent}";
        return ConsoleHtml.Encode(s.RecoveryPending ? $"{text}; re-query pending ({s.RecoveryReason})" : text);
    }
}
