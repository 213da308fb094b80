using System.Text;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Intake;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Store;
using Microsoft.AspNetCore.Http;

namespace FhirGateway.Runtime.WebConsole;

/// <summary>
/// One record: where it stands, why it is parked (the OperationOutcome's issues as a table), its deliveries with the
/// partners' answers, the resources as sent, and its story from the ledger; replay (parked) and release (held) for
/// operators. Each view and action is a ledger entry naming who did it.
/// </summary>
internal static class RecordDetailPage
{
    public static async Task<IResult> ShowAsync(HttpContext context, string key, IRecordQueries store, ILedgerStore ledger)
    {
        var record = await store.GetRecordAsync(key, context.RequestAborted);
        if (record is null) return ConsoleHtml.Page(context, "Unknown record", $"<p class=\"error\">No record {ConsoleHtml.Encode(key)} is stored.</p>", StatusCodes.Status404NotFound);
        await NoteAsync(context, ledger, record, "viewed");
        var s = record.Status;
        var operate = context.User.IsInRole(AccessRoles.Operator);
        var body = new StringBuilder();
        body.Append("<p>State: <span id=\"record-state\">").Append(ConsoleHtml.State(record.State)).Append("</span> · kind ").Append(ConsoleHtml.Encode(s.Kind))
            .Append(" · patient ").Append(ConsoleHtml.Encode(record.PatientId)).Append(" · received ").Append(ConsoleHtml.Time(s.ReceivedAt))
            .Append(" · receipt ").Append(ConsoleHtml.Encode(s.ReceiptId)).Append("</p>");
        if (operate && record.State == ListedStates.Parked)
            body.Append("<p>").Append(ConsoleHtml.Button(context, $"/console/records/{Uri.EscapeDataString(s.RecordKey)}/replay", "Replay")).Append(" <span class=\"note\">runs the record through mapping, validation and delivery again</span></p>");
        if (s.ParkedStep is not null)
            body.Append("<h2>Parked at ").Append(ConsoleHtml.Encode(s.ParkedStep)).Append("</h2>").Append(Issues(s.OperationOutcome));
        body.Append("<h2>Deliveries</h2>").Append(ConsoleHtml.Table(["partner", "status", "attempts", "next attempt", "held because", "last answer", "last failure", ""],
            s.Deliveries.Select(d => new[]
            {
                ConsoleHtml.Encode(d.PartnerId), ConsoleHtml.State(d.Status), d.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ConsoleHtml.Time(d.NextAttemptAt), ConsoleHtml.Encode(d.HoldReason), ConsoleHtml.Encode(d.LastStatus), ConsoleHtml.Encode(d.LastFailure),
                operate && d.Status == DeliveryStates.Held
                    ? ConsoleHtml.Button(context, $"/console/records/{Uri.EscapeDataString(s.RecordKey)}/release", "Release this patient's held records for this partner", ("partner", d.PartnerId))
                        + "<br><span class=\"note\">consent is checked again when they are sent: without consent in force they are held again</span>"
                    : "",
            })));
        foreach (var d in s.Deliveries.Where(d => d.Status == DeliveryStates.Parked && d.OperationOutcome is not null))
            body.Append("<h3>").Append(ConsoleHtml.Encode(d.PartnerId)).Append(" refused it</h3>").Append(Issues(d.OperationOutcome));
        var answers = record.Ledger.Where(e => e.Step == LedgerSteps.PartnerResponse).ToList();
        body.Append("<h2>Partner answers</h2>").Append(ConsoleHtml.Table(["at", "partner", "status", "resources", "detail"], answers.Select(e => new[]
        {
            ConsoleHtml.Encode(e.At), ConsoleHtml.Encode(e.Draft.PartnerId), ConsoleHtml.Encode(e.Draft.Status),
            ConsoleHtml.Encode(string.Join(" ", e.Draft.Resources)), ConsoleHtml.Encode(e.Draft.Detail),
        })));
        body.Append("<h2>Resources as sent</h2>");
        if (record.Pruned) body.Append("<p class=\"note\">The payload and resources were pruned after delivery; the ledger keeps their hashes.</p>");
        foreach (var r in record.Resources)
            body.Append("<details><summary>").Append(ConsoleHtml.Encode($"{r.ResourceType}/{r.Id}")).Append(" <span class=\"note\">").Append(ConsoleHtml.Encode(r.Profile))
                .Append("</span></summary><pre>").Append(ConsoleHtml.Encode(Encoding.UTF8.GetString(r.Json.Span))).Append("</pre></details>");
        body.Append("<h2>Story (ledger)</h2>").Append(ConsoleHtml.Table(["#", "at", "step", "partner", "status", "detail"], record.Ledger.Select(e => new[]
        {
            e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), ConsoleHtml.Encode(e.At), ConsoleHtml.Encode(e.Step),
            ConsoleHtml.Encode(e.Draft.PartnerId), ConsoleHtml.Encode(e.Draft.Status), ConsoleHtml.Encode(e.Draft.Detail),
        })));
        return ConsoleHtml.Page(context, $"Record {s.RecordKey}", body.ToString());
    }

    public static async Task<IResult> ReplayAsync(HttpContext context, string key, IRecordQueries store, ILedgerStore ledger, IOperatorActions operators, WorkSignals signals)
    {
        if (!await ConsoleModule.IsFormGenuineAsync(context)) return ConsoleHtml.Forbidden(context, "The form expired; reload the page.");
        var record = await store.GetRecordAsync(key, context.RequestAborted);
        if (record is null) return ConsoleHtml.Page(context, "Unknown record", "<p class=\"error\">No such record.</p>", StatusCodes.Status404NotFound);
        await NoteAsync(context, ledger, record, "replay requested");
        await operators.ReplayAsync(record.Status.RecordKey, context.RequestAborted);
        signals.Pipeline.Pulse();
        return Results.Redirect($"/console/records/{Uri.EscapeDataString(record.Status.RecordKey)}", permanent: false, preserveMethod: false);
    }

    public static async Task<IResult> ReleaseAsync(HttpContext context, string key, IRecordQueries store, ILedgerStore ledger, IDeliveryStore deliveries, WorkSignals signals)
    {
        if (!await ConsoleModule.IsFormGenuineAsync(context)) return ConsoleHtml.Forbidden(context, "The form expired; reload the page.");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var record = await store.GetRecordAsync(key, context.RequestAborted);
        var partner = form["partner"].ToString();
        if (record is null || record.Status.Deliveries.All(d => d.PartnerId != partner || d.Status != DeliveryStates.Held))
            return ConsoleHtml.Page(context, "Nothing held", "<p class=\"error\">This record has no delivery held for that partner.</p>", StatusCodes.Status404NotFound);
        // The consent gate runs again at send time: a release without consent in force is held again.
        await deliveries.ReleaseHeldAsync(partner, record.PatientId, $"released in the console by {ConsoleModule.Actor(context)}; consent is checked again at send time", context.RequestAborted);
        signals.Delivery.Pulse();
        return Results.Redirect($"/console/records/{Uri.EscapeDataString(record.Status.RecordKey)}");
    }

    private static Task NoteAsync(HttpContext context, ILedgerStore ledger, RecordDetail record, string what) =>
        ConsoleLedger.NoteAsync(context, ledger, record.Status.RecordKey, record.PatientId, what);

    /// <summary>An OperationOutcome as a table of its issues: severity, code, text, where.</summary>
    private static string Issues(string? outcome)
    {
        var issues = OutcomeText.Issues(outcome);
        if (issues.Count == 0) return $"<pre>{ConsoleHtml.Encode(outcome)}</pre>";
        return ConsoleHtml.Table(["severity", "code", "issue", "where"], issues.Select(i => new[]
        {
            ConsoleHtml.Encode(i.Severity), ConsoleHtml.Encode(i.Code), ConsoleHtml.Encode(i.Text), ConsoleHtml.Encode(i.Expression),
        }));
    }
}
