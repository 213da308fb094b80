using System.Text;
using FhirGateway.Fhir.Issues;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Delivery;

/// <summary>
/// Stores how a group's delivery ended, each outcome in one store transaction with its ledger entries (sent and
/// partner-response per POST that left, superseded per entry kept back, parked or retry-scheduled) and AuditEvents:
/// delivered (and the versions delivered recorded), retried with backoff (parked once the attempts are used up),
/// split into single records, sent again after a size limit was learned, or parked. A transition the store does not
/// make (the lease was lost to another worker) writes nothing and is logged.
/// </summary>
public sealed class DeliveryOutcomes(
    IDeliveryStore store,
    IPartnerStateStore state,
    GatewayMetrics metrics,
    WorkerIdentity identity,
    TimeProvider time,
    IOptions<GatewayOptions> options,
    LogRecordKeys keys,
    ILogger<DeliveryOutcomes> logger)
{
    private readonly DeliveryOptions _options = options.Value.Delivery;
    private readonly RetrySchedule _schedule = new(options.Value.Delivery.BaseDelay, options.Value.Delivery.MaxDelay);

    public async Task WriteAsync(Partner partner, IReadOnlyList<ClaimedDelivery> group, SendResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case SendOutcome.Delivered:
                await DeliveredAsync(partner, group, result, cancellationToken);
                break;
            case SendOutcome.Split:
            case SendOutcome.Resized:
                var detail = result.Outcome == SendOutcome.Split ? "batch refused; sent again one record per transaction" : result.Reason;
                Moved(partner, group.Count, await store.SplitAsync(Ids(group), identity.Owner, Ledger(partner, group, result, detail), cancellationToken), "split");
                Log.BatchSplit(logger, partner.Id, group.Count, result.Reason);
                break;
            case SendOutcome.Park:
                await ParkAsync(partner, group, result, result.Last!.Verdict.OperationOutcome!, result.Last.Answer.StatusText, cancellationToken);
                break;
            default:
                await RetryAsync(partner, group, result, cancellationToken);
                break;
        }
    }

    /// <summary>After the gateway's own failure: retry with backoff, or park once the attempts are used up (ledger: retry-scheduled or parked).</summary>
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
            var parked = await store.ParkDeliveriesAsync(Ids(gaveUp), identity.Owner, status, outcome, [],
                gaveUp.Select(d => new LedgerDraft(LedgerSteps.Parked, d.RecordKey, d.PatientId) { PartnerId = partner.Id, Status = status, Detail = reason }).ToList(),
                cancellationToken);
            metrics.DeliveryParked(partner.Id, parked);
            Moved(partner, gaveUp.Count, parked, "parked");
        }
        var again = batch.Except(gaveUp).ToList();
        if (again.Count == 0) return;
        var next = time.GetUtcNow() + _schedule.Delay(again.Max(d => d.Attempts) + 1, null);
        Moved(partner, again.Count, await store.ScheduleRetryAsync(Ids(again), identity.Owner, next, status, reason,
            again.Select(d => new LedgerDraft(LedgerSteps.RetryScheduled, d.RecordKey, d.PatientId)
            {
                PartnerId = partner.Id,
                Status = status,
                Detail = $"{reason}; retry at {LedgerTime.Format(next)}",
            }).ToList(), cancellationToken), "retry-scheduled");
        metrics.Retry(partner.Id, status);
    }

    private async Task DeliveredAsync(Partner partner, IReadOnlyList<ClaimedDelivery> group, SendResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var items = group.Select(d => (d, AuditEventFactory.Create(partner, d, result.Exchanges.SelectMany(x => x.Audited(d)).ToList(), success: true, null, now)))
            .Select(x => new DeliveredItem(x.d.Id, x.Item2.Id, x.Item2.Json)).ToList();
        var ledger = Ledger(partner, group, result, LedgerSteps.DeliveredDetail);
        var moved = await store.MarkDeliveredAsync(items, identity.Owner, ledger, cancellationToken);
        Moved(partner, group.Count, moved, "delivered");
        if (moved == 0) return;
        var versions = result.Exchanges.SelectMany(x => x.Entries.Select((e, i) => (e, Location: i < x.Verdict.Entries.Count ? x.Verdict.Entries[i].Location : null)))
            .Where(v => v.e.Method == "PUT" && v.e.Stamp is not null)
            .Select(v => new DeliveredVersion(new PartnerResourceKey(v.e.ResourceType, v.e.Identifier), v.e.Stamp!, TransactionSender.LocalReference(v.e.ResourceType, v.Location)))
            .ToList();
        if (versions.Count > 0) await state.RecordDeliveredVersionsAsync(partner.Id, versions, cancellationToken);
        metrics.Delivered(partner.Id, moved);
        Log.Delivered(logger, partner.Id, moved, result.Exchanges.Sum(x => x.Entries.Count), (long)result.Exchanges.Sum(x => x.Answer.Elapsed.TotalMilliseconds));
    }

    private async Task RetryAsync(Partner partner, IReadOnlyList<ClaimedDelivery> group, SendResult result, CancellationToken cancellationToken)
    {
        var answer = result.Last?.Answer ?? result.Failure!;
        var gaveUp = group.Where(d => d.Attempts + 1 >= _options.MaxAttempts).ToList();
        if (gaveUp.Count > 0)
        {
            var outcome = OperationOutcomeWriter.ToJson([IssueCatalogue.GatewayPartnerGaveUp.At(null, partner.Id, _options.MaxAttempts, result.Reason)], pretty: false);
            await ParkAsync(partner, gaveUp, result, outcome, answer.StatusText, cancellationToken);
        }
        var again = group.Except(gaveUp).ToList();
        if (again.Count == 0) return;
        var attempt = again.Max(d => d.Attempts) + 1;
        var next = time.GetUtcNow() + _schedule.Delay(attempt, result.Last?.Verdict.RetryAfter ?? answer.RetryAfter);
        var detail = $"{result.Reason}; retry at {LedgerTime.Format(next)}";
        var ledger = result.Exchanges.Count > 0 ? Ledger(partner, again, result, detail)
            : again.Select(d => new LedgerDraft(LedgerSteps.RetryScheduled, d.RecordKey, d.PatientId) { PartnerId = partner.Id, Status = answer.StatusText, Detail = detail }).ToList();
        Moved(partner, again.Count, await store.ScheduleRetryAsync(Ids(again), identity.Owner, next, answer.StatusText, answer.Cause ?? result.Reason, ledger, cancellationToken), "retry-scheduled");
        metrics.Retry(partner.Id, answer.StatusText);
        Log.RetryScheduled(logger, partner.Id, answer.StatusText, again.Count, attempt, next);
    }

    private async Task ParkAsync(Partner partner, IReadOnlyList<ClaimedDelivery> parked, SendResult result, string outcome, string status, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var text = OutcomeText.First(outcome);
        var audits = parked.Select(d => (d.Id, AuditEventFactory.Create(partner, d, result.Exchanges.SelectMany(x => x.Audited(d)).ToList(), success: false, text, now))).ToList();
        var ledger = Ledger(partner, parked, result, "refused");
        ledger.AddRange(parked.Select(d => new LedgerDraft(LedgerSteps.Parked, d.RecordKey, d.PatientId)
        {
            PartnerId = partner.Id,
            Status = status,
            PayloadHash = CanonicalJson.Hash(Encoding.UTF8.GetBytes(outcome)),
            Detail = text,
        }));
        var moved = await store.ParkDeliveriesAsync(Ids(parked), identity.Owner, status, outcome, audits, ledger, cancellationToken);
        Moved(partner, parked.Count, moved, "parked");
        metrics.DeliveryParked(partner.Id, moved);
        foreach (var d in parked) Log.DeliveryParked(logger, partner.Id, keys.Show(d.RecordKey), status);
    }

    /// <summary>Per record: every POST's entries (the last one with <paramref name="detail"/>, earlier ones committed), then the entries kept back.</summary>
    private static List<LedgerDraft> Ledger(Partner partner, IReadOnlyList<ClaimedDelivery> group, SendResult result, string detail)
    {
        var list = new List<LedgerDraft>();
        foreach (var d in group)
        {
            foreach (var x in result.Exchanges.Where(x => x.Carries(d)))
            {
                var last = ReferenceEquals(x, result.Last);
                list.AddRange(x.Ledger(partner, d, withLocations: !last || result.Outcome == SendOutcome.Delivered, last ? detail : "committed"));
            }
            list.AddRange(result.Superseded.Where(s => s.Entry.RecordKeys.Contains(d.RecordKey, StringComparer.Ordinal))
                .Select(s => new LedgerDraft(LedgerSteps.Superseded, d.RecordKey, d.PatientId)
                {
                    PartnerId = partner.Id,
                    Resources = [s.Why.PartnerReference],
                    Detail = s.Why.Reason,
                }));
        }
        return list;
    }

    private void Moved(Partner partner, int expected, int moved, string transition)
    {
        if (moved < expected) Log.LeaseLost(logger, partner.Id, expected - moved, transition);
    }

    private static List<long> Ids(IEnumerable<ClaimedDelivery> deliveries) => deliveries.Select(d => d.Id).ToList();
}
