using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Bundles;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Pipeline;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Delivery;

/// <summary>
/// Delivers one claimed batch to one partner: consent gate at send time (held without consent in force), then the
/// records in groups that fit the partner's transaction limit (a record larger than the limit alone, sent as several
/// transactions by <see cref="TransactionSender"/>), each group's outcome stored with its ledger entries and
/// AuditEvents by <see cref="DeliveryOutcomes"/>. After a group that is not delivered, the batch's later records of
/// the same patients are given back untouched, so a patient's records never overtake each other.
/// </summary>
public sealed class DeliveryProcessor(
    IDeliveryStore store,
    ITransactionBundleBuilder bundles,
    TransactionSender sender,
    PartnerCapabilities capabilities,
    DeliveryOutcomes outcomes,
    GatewayMetrics metrics,
    WorkerIdentity identity,
    TimeProvider time,
    LogRecordKeys keys,
    ILogger<DeliveryProcessor> logger)
{
    public async Task DeliverAsync(Partner partner, IReadOnlyList<ClaimedDelivery> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(batch);
        using var span = GatewayTracing.Start("delivery", partner: partner.Id);
        span?.SetTag(GatewayTracing.RecordKey, string.Join(",", batch.Select(d => d.RecordKey)));
        var allowed = await GateAsync(partner, batch, cancellationToken);
        if (allowed.Count == 0)
        {
            GatewayTracing.End(span, "held");
            return;
        }
        var support = await capabilities.SupportAsync(partner, cancellationToken);
        var stopped = new HashSet<string>(StringComparer.Ordinal);
        var groups = Groups(allowed, support);
        var outcome = SendOutcome.Delivered;
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var result = await sender.SendAsync(partner, group, support, cancellationToken);
            foreach (var x in result.Exchanges) metrics.DeliveryDuration(partner.Id, x.Answer.Elapsed, x.Verdict.Kind.ToString().ToLowerInvariant());
            await outcomes.WriteAsync(partner, group, result, cancellationToken);
            if (result.Last?.Answer.StatusCode is { } status) span?.SetTag("http.response.status_code", status);
            if (result.Outcome == SendOutcome.Delivered) continue;
            outcome = result.Outcome;
            foreach (var d in group) stopped.Add(d.PatientId);
            var later = groups.Skip(g + 1).SelectMany(x => x).ToList();
            var giveBack = result.Outcome == SendOutcome.Resized ? later : later.Where(d => stopped.Contains(d.PatientId)).ToList();
            if (giveBack.Count > 0) await store.ReleaseDeliveriesAsync(giveBack.Select(d => d.Id).ToList(), identity.Owner, cancellationToken);
            if (result.Outcome == SendOutcome.Resized) break;
            groups = [.. groups.Take(g + 1), .. groups.Skip(g + 1).Select(x => x.Where(d => !stopped.Contains(d.PatientId)).ToList()).Where(x => x.Count > 0)];
        }
        GatewayTracing.End(span, outcome.ToString().ToLowerInvariant(), failed: outcome is SendOutcome.Retry or SendOutcome.Park);
    }

    /// <summary>
    /// After an unexpected failure of the gateway itself (not of the partner) while delivering a batch: each delivery
    /// is tried again later with backoff (ledger: retry-scheduled), or parked once its attempts are used up.
    /// </summary>
    public Task RecoverAsync(Partner partner, IReadOnlyList<ClaimedDelivery> batch, Exception failure, CancellationToken cancellationToken) =>
        outcomes.RecoverAsync(partner, batch, failure, cancellationToken);

    /// <summary>
    /// The batch in groups sent together: all of it when no limit is known or it fits, else consecutive records while
    /// their Bundle fits the limit (a record that alone exceeds it is a group of its own, split into transactions).
    /// </summary>
    private List<List<ClaimedDelivery>> Groups(IReadOnlyList<ClaimedDelivery> batch, PartnerSupport support)
    {
        if (support.MaxTransactionEntries is not { } max || batch.Count == 1) return [[.. batch]];
        if (bundles.Build(batch.Select(d => d.Record).ToList(), support).Entries.Count <= max) return [[.. batch]];
        var groups = new List<List<ClaimedDelivery>>();
        var current = new List<ClaimedDelivery>();
        foreach (var d in batch)
        {
            if (current.Count > 0 && bundles.Build([.. current.Select(c => c.Record), d.Record], support).Entries.Count > max)
            {
                groups.Add(current);
                current = [];
            }
            current.Add(d);
        }
        if (current.Count > 0) groups.Add(current);
        return groups;
    }

    /// <summary>Holds (no-consent) the deliveries whose patient has no consent in force for this partner; returns the others.</summary>
    private async Task<List<ClaimedDelivery>> GateAsync(Partner partner, IReadOnlyList<ClaimedDelivery> batch, CancellationToken cancellationToken)
    {
        var allowed = new List<ClaimedDelivery>();
        var refused = new List<ClaimedDelivery>();
        var now = time.GetUtcNow();
        foreach (var patient in batch.GroupBy(d => d.PatientId, StringComparer.Ordinal))
        {
            var consents = await store.GetConsentsAsync(patient.Key, cancellationToken);
            (ConsentGate.Allows(consents, partner.Organization, now) ? allowed : refused).AddRange(patient);
        }
        if (refused.Count > 0)
        {
            var held = await store.HoldDeliveriesAsync(refused.Select(d => d.Id).ToList(), identity.Owner, HoldReasons.NoConsent,
                refused.Select(d => new LedgerDraft(LedgerSteps.Held, d.RecordKey, d.PatientId) { PartnerId = partner.Id, Status = HoldReasons.NoConsent }).ToList(),
                cancellationToken);
            metrics.Held(partner.Id, held);
            if (held < refused.Count) Log.LeaseLost(logger, partner.Id, refused.Count - held, "held");
            foreach (var d in refused) Log.DeliveryHeld(logger, keys.Show(d.RecordKey), partner.Id, HoldReasons.NoConsent);
        }
        return allowed.OrderBy(d => d.RecordSeq).ToList();
    }
}
