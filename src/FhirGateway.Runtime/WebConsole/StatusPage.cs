using System.Globalization;
using System.Text;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;
using Microsoft.AspNetCore.Http;

namespace FhirGateway.Runtime.WebConsole;

/// <summary>
/// Partner health (circuit, last delivery, queue depth, held, parked, the transaction size limit in force and what taught
/// it) and the ledger's status (its head, the last verification from the console, the last signed checkpoint), with a
/// verify action that is itself a ledger entry.
/// </summary>
internal static class StatusPage
{
    public static async Task<IResult> ShowAsync(HttpContext context, IRecordQueries store, ILedgerStore ledger, IPartnerStateStore partnerState, PartnerDirectory partners,
        PartnerCircuits circuits, LedgerAudit audit)
    {
        var cancellationToken = context.RequestAborted;
        var queues = (await store.PartnerQueuesAsync(cancellationToken)).ToDictionary(q => q.PartnerId, StringComparer.Ordinal);
        var rows = new List<string[]>();
        foreach (var p in partners.All)
        {
            var q = queues.GetValueOrDefault(p.Id);
            string Count(string status) => (q?.ByStatus.GetValueOrDefault(status) ?? 0).ToString(CultureInfo.InvariantCulture);
            rows.Add(
            [
                ConsoleHtml.Encode(p.Id), ConsoleHtml.Encode(p.Name), ConsoleHtml.Encode(circuits.State(p.Id)), ConsoleHtml.Time(q?.LastDelivered),
                (q?.Depth ?? 0).ToString(CultureInfo.InvariantCulture), Count(DeliveryStates.Held), Count(DeliveryStates.Parked), Count(DeliveryStates.Delivered),
                Limit(p, await partnerState.GetLearnedLimitAsync(p.Id, cancellationToken)),
            ]);
        }
        var body = new StringBuilder("<h2>Partners</h2>");
        body.Append(ConsoleHtml.Table(["partner", "name", "circuit", "last delivered", "queue", "held", "parked", "delivered", "transaction size limit"], rows));
        body.Append(await LedgerAsync(context, store, ledger, audit, cancellationToken));
        return ConsoleHtml.Page(context, "Partners & ledger", body.ToString());
    }

    /// <summary>The limit in force: the smaller of the configured one and the one learned from a refusal (with when and the partner's words).</summary>
    private static string Limit(Partner partner, LearnedLimit? learned)
    {
        var configured = partner.MaxTransactionEntries is { } max ? $"{max} entries configured" : "none configured";
        if (learned is null) return ConsoleHtml.Encode(configured);
        var inForce = Math.Min(learned.MaxEntries, partner.MaxTransactionEntries ?? int.MaxValue);
        return $"<span class=\"learned-limit\"><b>{inForce} entries</b> · learned {ConsoleHtml.Time(learned.LearnedAt)}: {learned.MaxEntries} "
            + $"<span class=\"note\">(\u201c{ConsoleHtml.Encode(Shorten(learned.Detail, 160))}\u201d)</span></span> · {ConsoleHtml.Encode(configured)}";
    }

    private static async Task<string> LedgerAsync(HttpContext context, IRecordQueries store, ILedgerStore ledger, LedgerAudit audit, CancellationToken cancellationToken)
    {
        var summary = await store.SummaryAsync(cancellationToken);
        var (headSeq, headHash) = await ledger.GetLedgerHeadAsync(cancellationToken);
        var html = new StringBuilder("<h2>Ledger</h2><table id=\"ledger-status\"><tbody>");
        void Row(string name, string value) => html.Append("<tr><th>").Append(ConsoleHtml.Encode(name)).Append("</th><td>").Append(value).Append("</td></tr>");
        Row("records", ConsoleHtml.Encode($"{summary.Records} (waiting {summary.RecordsWaiting}, parked {summary.RecordsParked})"));
        Row("head", ConsoleHtml.Encode($"entry #{headSeq}, hash {Hash(headHash)}"));
        var verified = await ConsoleLedger.LastVerificationAsync(ledger, cancellationToken);
        Row("last verified", verified is null
            ? "never from the console (<code>fhirgw audit verify</code> checks it from the command line)"
            : $"<span id=\"ledger-verdict\">{ConsoleHtml.Encode(verified.At)}: {ConsoleHtml.Encode(verified.Draft.Detail)}</span>");
        Row("last checkpoint", audit.LastCheckpoint() is { } last
            ? ConsoleHtml.Encode($"entry #{last.Checkpoint.Seq} at {last.Checkpoint.At}, key {last.Checkpoint.KeyId}, signature {(last.Authentic ? "holds" : "DOES NOT HOLD")}; "
                + Since(headSeq - last.Checkpoint.Seq))
            : audit.Keys.Current is null
                ? "none: the ledger has no key (Ledger:Key or Ledger:KeyFile), and checkpoints are signed with it"
                : "none written yet");
        html.Append("</tbody></table><p>").Append(ConsoleHtml.Button(context, "/console/status/verify", "Verify the ledger now"))
            .Append(" <span class=\"note\">recomputes the keyed chain and checks it against the signed checkpoints, as <code>fhirgw audit verify</code> does</span></p>");
        return html.ToString();
    }

    public static async Task<IResult> VerifyAsync(HttpContext context, ILedgerStore store, LedgerAudit audit)
    {
        if (!await ConsoleModule.IsFormGenuineAsync(context)) return ConsoleHtml.Forbidden(context, "The form expired; reload the page.");
        var found = await audit.VerifyAsync([], context.RequestAborted);
        await ConsoleLedger.NoteAsync(context, store, ConsoleLedger.VerifyKey, null, $"verified ({Verdict(found)})");
        return Results.Redirect("/console/status");
    }

    /// <summary>The verdict in one sentence: intact with its size and head, or what does not hold.</summary>
    private static string Verdict(LedgerAuditResult found)
    {
        var v = found.Verification;
        if (v.BrokenSeq is not null) return $"BROKEN at entry #{v.BrokenSeq}: {v.Reason}";
        if (!found.Intact) return $"does NOT agree with its checkpoints: {v.CheckpointProblem ?? string.Join("; ", found.CheckpointFileProblems)}";
        if (v.Count > 0 && v.UnkeyedEntries == v.Count && v.CheckpointsChecked == 0)
            return $"its chain holds ({v.Count} entries) but it is unkeyed: no keyed entry and no checkpoint vouch for it";
        var checkpoints = v.CheckpointsChecked > 0 ? $", {v.CheckpointsChecked} signed checkpoints agree" : "";
        return $"intact, {v.Count} entries, head {Hash(v.HeadHash)}{checkpoints}";
    }

    /// <summary>A hash to recognise, not to check: its scheme, key and first 16 hex digits (<c>hmac-sha256:db0cecbf7f37:a1b2…</c>).</summary>
    private static string Hash(string hash) => Shorten(hash, hash.LastIndexOf(':') + 17);

    private static string Since(long entries) => entries switch
    {
        <= 0 => "nothing written since",
        1 => "1 entry written since",
        _ => $"{entries} entries written since",
    };

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
