using System.Text;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping;
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
/// Delivers one claimed batch to one partner: consent gate at send time (held without consent in force), one
/// transaction Bundle, the answer judged (<see cref="DeliveryVerdict"/>) and stored with its ledger entries (sent,
/// partner-response, and parked or held) and AuditEvents, each outcome in one transaction.
/// </summary>
public sealed class DeliveryProcessor(
    IGatewayStore store,
    ITransactionBundleBuilder bundles,
    PartnerClient client,
    GatewayMetrics metrics,
    WorkerIdentity identity,
    TimeProvider time,
    IOptions<GatewayOptions> options,
    ILogger<DeliveryProcessor> logger)
{
    private readonly DeliveryOptions _options = options.Value.Delivery;
    private readonly RetrySchedule _schedule = new(options.Value.Delivery.BaseDelay, options.Value.Delivery.MaxDelay);

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
        var bundle = bundles.Build(allowed.Select(d => d.Record).ToList());
        var answer = await client.PostTransactionAsync(partner, bundle.Json, cancellationToken);
        var verdict = DeliveryVerdict.Judge(partner.Id, answer, bundle.Entries.Count, allowed.Count);
        span?.SetTag("http.response.status_code", answer.StatusCode);
        GatewayTracing.End(span, verdict.Kind.ToString().ToLowerInvariant(), failed: verdict.Kind is VerdictKind.Retry or VerdictKind.Park);
        metrics.DeliveryDuration(partner.Id, answer.Elapsed, verdict.Kind.ToString().ToLowerInvariant());
        var exchange = new Exchange(partner, allowed, bundle, answer, verdict);
        switch (verdict.Kind)
        {
            case VerdictKind.Delivered:
                await DeliveredAsync(exchange, cancellationToken);
                break;
            case VerdictKind.Split:
                await store.SplitAsync(Ids(allowed), identity.Owner, exchange.Ledger(d => null, "batch refused; sent again one record per transaction"), cancellationToken);
                Log.BatchSplit(logger, partner.Id, allowed.Count, verdict.Reason);
                break;
            case VerdictKind.Park:
                await ParkAsync(exchange, allowed, verdict.OperationOutcome!, answer.StatusText, cancellationToken);
                break;
            default:
                await RetryAsync(exchange, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// After an unexpected failure of the gateway itself (not of the partner) while delivering a batch: each delivery
    /// is tried again later with backoff (ledger: retry-scheduled), or parked once its attempts are used up.
    /// </summary>
    public async Task RecoverAsync(Partner partner, IReadOnlyList<ClaimedDelivery> batch, Exception failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(failure);
        const string status = "gateway-error";
        var reason = failure.GetType().Name;
        var gaveUp = batch.Where(d => d.Attempts + 1 >= _options.MaxAttempts).ToList();
        if (gaveUp.Count > 0)
        {
            var outcome = OperationOutcomeWriter.ToJson([IssueCatalogue.GatewayPartnerGaveUp.At(null, partner.Id, _options.MaxAttempts, reason)], pretty: false);
            await store.ParkDeliveriesAsync(Ids(gaveUp), identity.Owner, status, outcome, [],
                gaveUp.Select(d => new LedgerDraft(LedgerSteps.Parked, d.RecordKey, d.PatientId) { PartnerId = partner.Id, Status = status, Detail = reason }).ToList(),
                cancellationToken);
            metrics.DeliveryParked(partner.Id, gaveUp.Count);
        }
        var again = batch.Except(gaveUp).ToList();
        if (again.Count == 0) return;
        var next = time.GetUtcNow() + _schedule.Delay(again.Max(d => d.Attempts) + 1, null);
        await store.ScheduleRetryAsync(Ids(again), identity.Owner, next, status, reason,
            again.Select(d => new LedgerDraft(LedgerSteps.RetryScheduled, d.RecordKey, d.PatientId)
            {
                PartnerId = partner.Id,
                Status = status,
                Detail = $"{reason}; retry at {LedgerTime.Format(next)}",
            }).ToList(), cancellationToken);
        metrics.Retry(partner.Id, status);
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
            await store.HoldDeliveriesAsync(Ids(refused), identity.Owner, HoldReasons.NoConsent,
                refused.Select(d => new LedgerDraft(LedgerSteps.Held, d.RecordKey, d.PatientId) { PartnerId = partner.Id, Status = HoldReasons.NoConsent }).ToList(),
                cancellationToken);
            metrics.Held(partner.Id, refused.Count);
            foreach (var d in refused) Log.DeliveryHeld(logger, d.RecordKey, partner.Id, HoldReasons.NoConsent);
        }
        return allowed.OrderBy(d => d.RecordSeq).ToList();
    }

    private async Task DeliveredAsync(Exchange x, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var items = x.Batch.Select(d => AuditEventFactory.Create(x.Partner, d, x.Audited(d), success: true, null, now))
            .Select((audit, i) => new DeliveredItem(x.Batch[i].Id, audit.Id, audit.Json)).ToList();
        await store.MarkDeliveredAsync(items, identity.Owner, x.Ledger(d => x.Locations(d), "delivered"), cancellationToken);
        metrics.Delivered(x.Partner.Id, x.Batch.Count);
        Log.Delivered(logger, x.Partner.Id, x.Batch.Count, x.Bundle.Entries.Count, (long)x.Answer.Elapsed.TotalMilliseconds);
    }

    private async Task RetryAsync(Exchange x, CancellationToken cancellationToken)
    {
        var gaveUp = x.Batch.Where(d => d.Attempts + 1 >= _options.MaxAttempts).ToList();
        if (gaveUp.Count > 0)
        {
            var outcome = OperationOutcomeWriter.ToJson([IssueCatalogue.GatewayPartnerGaveUp.At(null, x.Partner.Id, _options.MaxAttempts, x.Verdict.Reason)], pretty: false);
            await ParkAsync(x with { Batch = gaveUp }, gaveUp, outcome, x.Answer.StatusText, cancellationToken);
        }
        var again = x.Batch.Except(gaveUp).ToList();
        if (again.Count == 0) return;
        var attempt = again.Max(d => d.Attempts) + 1;
        var next = time.GetUtcNow() + _schedule.Delay(attempt, x.Verdict.RetryAfter);
        await store.ScheduleRetryAsync(Ids(again), identity.Owner, next, x.Answer.StatusText, x.Answer.Cause ?? x.Verdict.Reason,
            (x with { Batch = again }).Ledger(_ => null, $"{x.Verdict.Reason}; retry at {LedgerTime.Format(next)}"), cancellationToken);
        metrics.Retry(x.Partner.Id, x.Answer.StatusText);
        Log.RetryScheduled(logger, x.Partner.Id, x.Answer.StatusText, again.Count, attempt, next);
    }

    private async Task ParkAsync(Exchange x, IReadOnlyList<ClaimedDelivery> parked, string outcome, string status, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var text = OutcomeText.First(outcome);
        var audits = parked.Select(d => (d.Id, AuditEventFactory.Create(x.Partner, d, x.Audited(d), success: false, text, now))).ToList();
        var ledger = x.Ledger(_ => null, "refused").ToList();
        ledger.AddRange(parked.Select(d => new LedgerDraft(LedgerSteps.Parked, d.RecordKey, d.PatientId)
        {
            PartnerId = x.Partner.Id,
            Status = status,
            PayloadHash = CanonicalJson.Hash(Encoding.UTF8.GetBytes(outcome)),
            Detail = text,
        }));
        await store.ParkDeliveriesAsync(Ids(parked), identity.Owner, status, outcome, audits, ledger, cancellationToken);
        metrics.DeliveryParked(x.Partner.Id, parked.Count);
        foreach (var d in parked) Log.DeliveryParked(logger, x.Partner.Id, d.RecordKey, status);
    }

    private static List<long> Ids(IEnumerable<ClaimedDelivery> deliveries) => deliveries.Select(d => d.Id).ToList();

    /// <summary>One POST and what belongs to it, with the ledger entries it yields per record.</summary>
    private sealed record Exchange(Partner Partner, IReadOnlyList<ClaimedDelivery> Batch, TransactionBundle Bundle, PartnerAnswer Answer, DeliveryVerdict Verdict)
    {
        private IEnumerable<int> EntryIndexes(ClaimedDelivery d) =>
            Enumerable.Range(0, Bundle.Entries.Count).Where(i => Bundle.Entries[i].RecordKeys.Contains(d.RecordKey, StringComparer.Ordinal));

        public IReadOnlyList<AuditedEntry> Audited(ClaimedDelivery d) =>
            EntryIndexes(d).Select(i => new AuditedEntry(Bundle.Entries[i], i < Verdict.Entries.Count ? Verdict.Entries[i] : null)).ToList();

        public IReadOnlyList<string> Locations(ClaimedDelivery d) =>
            EntryIndexes(d).Select(i => i < Verdict.Entries.Count && Verdict.Entries[i].Location is { } l ? l : $"{Bundle.Entries[i].ResourceType}/{Bundle.Entries[i].Id}").ToList();

        /// <summary>sent and partner-response for every record of the batch.</summary>
        public List<LedgerDraft> Ledger(Func<ClaimedDelivery, IReadOnlyList<string>?> responseResources, string detail)
        {
            var bundleHash = CanonicalJson.Hash(Bundle.Json);
            var answerHash = Answer.Body.IsEmpty ? null : CanonicalJson.Hash(Answer.Body);
            var list = new List<LedgerDraft>();
            foreach (var d in Batch)
            {
                list.Add(new LedgerDraft(LedgerSteps.Sent, d.RecordKey, d.PatientId)
                {
                    PartnerId = Partner.Id,
                    PayloadHash = bundleHash,
                    Resources = EntryIndexes(d).Select(i => $"{Bundle.Entries[i].ResourceType}/{Bundle.Entries[i].Id}").ToList(),
                    Detail = $"{Bundle.Entries.Count} entries, {Batch.Count} records, attempt {d.Attempts + 1}",
                });
                list.Add(new LedgerDraft(LedgerSteps.PartnerResponse, d.RecordKey, d.PatientId)
                {
                    PartnerId = Partner.Id,
                    Status = Answer.StatusText,
                    PayloadHash = answerHash,
                    Resources = responseResources(d) ?? [],
                    Detail = detail,
                });
            }
            return list;
        }
    }
}
