using System.Text;
using FhirGateway.Mapping.Records;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;
using Microsoft.AspNetCore.Http;

namespace FhirGateway.Runtime.WebConsole;

/// <summary>
/// The records list: filters (state, partner, patient id, kind, received from/to) and keyset paging. The filters travel
/// in form POSTs only, the next page's cursor among them, so a patient id never appears in a URL, a browser history or
/// a proxy's log; <c>GET /console/records</c> shows the newest records unfiltered.
/// </summary>
internal static class RecordsPage
{
    public static Task<IResult> ShowAsync(HttpContext context, IRecordQueries store, ILedgerStore ledger, PartnerDirectory partners) =>
        RenderAsync(context, store, ledger, partners, _ => null, []);

    public static async Task<IResult> FilterAsync(HttpContext context, IRecordQueries store, ILedgerStore ledger, PartnerDirectory partners)
    {
        if (!await ConsoleModule.IsFormGenuineAsync(context)) return ConsoleHtml.Forbidden(context, "The form expired; reload the page.");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return await RenderAsync(context, store, ledger, partners, name => form[name].ToString(), []);
    }

    private static async Task<IResult> RenderAsync(HttpContext context, IRecordQueries store, ILedgerStore ledger, PartnerDirectory partners, Func<string, string?> value, List<string> errors)
    {
        var query = RecordQueryParser.Parse(value, errors);
        var page = errors.Count == 0 ? await store.ListRecordsAsync(query, context.RequestAborted) : new RecordPage([], null);
        if (errors.Count == 0) await ConsoleLedger.NoteAsync(context, ledger, ConsoleLedger.SessionKey, query.PatientId, $"records listed ({Filters(value)})");
        var body = new StringBuilder();
        body.Append(Filters(context, value, partners));
        foreach (var e in errors) body.Append("<p class=\"error\">").Append(ConsoleHtml.Encode(e)).Append("</p>");
        body.Append(ConsoleHtml.Table(["record", "kind", "state", "partners", "reason", "received"], page.Records.Select(r => new[]
        {
            ConsoleHtml.RecordLink(r.RecordKey),
            ConsoleHtml.Encode(r.Kind),
            ConsoleHtml.State(r.State),
            string.Join("<br>", r.Partners.Select(p => $"{ConsoleHtml.Encode(p.PartnerId)}: {ConsoleHtml.State(p.Status)}")),
            ConsoleHtml.Encode(r.Reason),
            ConsoleHtml.Time(r.ReceivedAt),
        })));
        if (page.Records.Count == 0 && errors.Count == 0) body.Append("<p class=\"note\" id=\"empty\">No record matches.</p>");
        if (page.Next is { } next)
        {
            var fields = RecordQueryParser.Names.Where(n => n != "page").Select(n => (n, value(n))).Append(("page", next.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
            body.Append("<p>").Append(ConsoleHtml.Button(context, "/console/records", "Next page", fields)).Append("</p>");
        }
        return ConsoleHtml.Page(context, "Records", body.ToString());
    }

    /// <summary>The filters of a listing for its ledger entry (the patient is the entry's patient, not part of its detail).</summary>
    private static string Filters(Func<string, string?> value)
    {
        var given = RecordQueryParser.Names.Where(n => n != "patient" && !string.IsNullOrWhiteSpace(value(n))).Select(n => $"{n}={value(n)!.Trim()}").ToList();
        if (!string.IsNullOrWhiteSpace(value("patient"))) given.Insert(0, "one patient");
        return given.Count == 0 ? "newest, no filter" : string.Join(", ", given);
    }

    private static string Filters(HttpContext context, Func<string, string?> value, PartnerDirectory partners)
    {
        static string Select(string name, string? current, IEnumerable<string> options) =>
            $"<select name=\"{name}\" id=\"filter-{name}\"><option value=\"\">any</option>"
            + string.Concat(options.Select(o => $"<option{(o == current ? " selected" : "")}>{ConsoleHtml.Encode(o)}</option>")) + "</select>";
        string Input(string name, string type) => $"<input type=\"{type}\" name=\"{name}\" id=\"filter-{name}\" value=\"{ConsoleHtml.Encode(value(name))}\">";
        return $"""
            <form class="filters" method="post" action="/console/records">{ConsoleHtml.Antiforgery(context)}
            <label>State{Select("state", value("state"), ListedStates.All)}</label>
            <label>Partner{Select("partner", value("partner"), partners.All.Select(p => p.Id))}</label>
            <label>Patient id{Input("patient", "text")}</label>
            <label>Kind{Select("kind", value("kind"), RecordKinds.All)}</label>
            <label>Received from{Input("since", "date")}</label>
            <label>Received before{Input("until", "date")}</label>
            <button id="apply-filters">Filter</button></form>
            """;
    }
}
