using System.Text;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Pipeline;

/// <summary>
/// One record through the pipeline: map → validate against the clinic profiles → check against the records already
/// routed (<see cref="CrossRecordChecks"/>: an infusion's lot, plan and safety review) → consent gate per partner that
/// follows the patient → routed (deliveries queued, pending or held) or parked with its reasons. It decides; the
/// <see cref="PipelineWorker"/> stores a batch's outcomes, each with its ledger entries, in one transaction. Thread-safe.
/// </summary>
public sealed class RecordProcessor(
    IPipelineStore store,
    IRecordMapper mapper,
    IRecordValidator validator,
    CrossRecordChecks crossChecks,
    PartnerDirectory partners,
    GatewayMetrics metrics,
    WorkSignals signals,
    TimeProvider time,
    IOptions<GatewayOptions> options,
    LogRecordKeys keys,
    ILogger<RecordProcessor> logger)
{
    public const string MappingStep = "mapping";
    public const string ValidationStep = "validation";
    public const string CrossRecordStep = "cross-record";

    /// <summary>
    /// Decides what becomes of a claimed record (routed or parked, with its ledger entries) without storing it: the
    /// worker stores the outcomes of a batch together and then calls <see cref="Stored"/> for each one stored.
    /// </summary>
    public async Task<RecordOutcome> DecideAsync(ClaimedRecord claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var envelope = claimed.Envelope;
        using var span = GatewayTracing.Start("pipeline", envelope.Key, envelope.Kind);
        if (claimed.Payload.Length > options.Value.Intake.MaxRecordBytes)
        {
            // Intake refuses these; one stored before the limit was lowered (or by an older version) is parked, not mapped.
            GatewayTracing.End(span, "parked at " + MappingStep, failed: true);
            return Park(claimed, MappingStep, [IssueCatalogue.GatewayIntakeTooLarge.At(null, options.Value.Intake.MaxRecordBytes)], []);
        }
        var mapping = Map(claimed);
        if (!mapping.Success)
        {
            GatewayTracing.End(span, "parked at " + MappingStep, failed: true);
            return Park(claimed, MappingStep, Errors(mapping.Issues, "the mapper gave no record"), []);
        }
        var record = mapping.Record! with { Envelope = envelope };
        var mapped = Draft(LedgerSteps.Mapped, claimed) with
        {
            PayloadHash = CanonicalJson.Hash(ResourcesJson(record)),
            Resources = record.Resources.Select(r => $"{r.ResourceType}/{r.Id}").ToList(),
            Detail = $"mapper {mapper.MapperVersion}",
        };
        var issues = Validate(record);
        if (issues.Any(i => i.IsError))
        {
            GatewayTracing.End(span, "parked at " + ValidationStep, failed: true);
            return Park(claimed, ValidationStep, issues, [mapped]);
        }
        var cross = await crossChecks.CheckAsync(record, cancellationToken);
        if (cross.Any(i => i.IsError))
        {
            GatewayTracing.End(span, "parked at " + CrossRecordStep, failed: true);
            return Park(claimed, CrossRecordStep, [.. issues, .. cross], [mapped]);
        }
        var routed = await RouteAsync(claimed, record, [mapped], [.. issues, .. cross], cancellationToken);
        GatewayTracing.End(span, "routed");
        return routed;
    }

    /// <summary>The outcome of a record whose processing failed unexpectedly: parked, with the exception's type as the reason.</summary>
    public RecordOutcome Failed(ClaimedRecord claimed, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        ArgumentNullException.ThrowIfNull(failure);
        return Park(claimed, MappingStep, [IssueCatalogue.GatewayPipelineFailed.At(null, failure.GetType().Name)], []);
    }

    /// <summary>Counts, logs and signals an outcome once it is stored (a routed record wakes the delivery worker).</summary>
    public void Stored(RecordOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Routing is { } routing)
        {
            var held = routing.Deliveries.Where(p => p.HoldReason is not null).ToList();
            foreach (var delivery in held) metrics.Held(delivery.PartnerId, 1);
            Log.RecordRouted(logger, keys.Show(outcome.RecordKey), routing.Record.Resources.Count, routing.Deliveries.Count, held.Count);
            signals.Delivery.Pulse();
            return;
        }
        var parking = outcome.Parking!;
        metrics.RecordParked(parking.Step);
        Log.RecordParked(logger, keys.Show(outcome.RecordKey), parking.Step, outcome.Ledger.Last(d => d.Step == LedgerSteps.Parked).Detail ?? "");
    }

    private RecordMapping Map(ClaimedRecord claimed)
    {
        using var span = GatewayTracing.Start("map", claimed.Envelope.Key, claimed.Envelope.Kind);
        try
        {
            var mapping = mapper.Map(claimed.Payload);
            GatewayTracing.End(span, mapping.Success ? "mapped" : "refused", failed: !mapping.Success);
            return mapping;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            GatewayTracing.End(span, "failed", failed: true);
            return new RecordMapping(claimed.Envelope, null, [IssueCatalogue.GatewayMappingFailed.At(null, $"{e.GetType().Name}: {e.Message}")]);
        }
    }

    private async Task<RecordOutcome> RouteAsync(ClaimedRecord claimed, MappedRecord record, List<LedgerDraft> ledger, IReadOnlyList<Issue> warnings, CancellationToken cancellationToken)
    {
        var envelope = claimed.Envelope;
        var incoming = record.Consent is { } consent ? new ConsentRecord(envelope.PatientId, consent, envelope.Key, envelope.RecordedAt) : null;
        var consents = ConsentGate.With(await store.GetConsentsAsync(envelope.PatientId, cancellationToken), incoming);
        var now = time.GetUtcNow();
        var planned = partners.All.Where(p => p.Follows(envelope))
            .Select(p => new PlannedDelivery(p.Id, ConsentGate.Allows(consents, p.Organization, now) ? null : HoldReasons.NoConsent))
            .ToList();
        ledger.Add(Draft(LedgerSteps.Validated, claimed) with
        {
            Detail = $"{warnings.Count} warnings; to {(planned.Count == 0 ? "no partner" : string.Join(", ", planned.Select(p => p.PartnerId)))}",
        });
        foreach (var held in planned.Where(p => p.HoldReason is not null))
            ledger.Add(Draft(LedgerSteps.Held, claimed) with { PartnerId = held.PartnerId, Status = held.HoldReason });
        return RecordOutcome.Routed(new RecordRouting(record, mapper.MapperVersion, planned), ledger);
    }

    private IReadOnlyList<Issue> Validate(MappedRecord record)
    {
        using var span = GatewayTracing.Start("validate", record.Envelope.Key, record.Envelope.Kind);
        IReadOnlyList<Issue> issues;
        try
        {
            issues = validator.Validate(record);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            GatewayTracing.End(span, "failed", failed: true);
            return [IssueCatalogue.GatewayValidationFailed.At(null, record.Envelope.Key, $"{e.GetType().Name}: {e.Message}")];
        }
        // outside the try: a validator that breaks its contract (no list) is a pipeline failure the worker parks
        var errors = issues.Count(i => i.IsError);
        span?.SetTag("fhirgw.resources", record.Resources.Count);
        GatewayTracing.End(span, errors == 0 ? "valid" : $"{errors} errors", failed: errors > 0);
        return issues;
    }

    private static RecordOutcome Park(ClaimedRecord claimed, string step, IReadOnlyList<Issue> issues, List<LedgerDraft> ledger)
    {
        var located = issues.Select(i => i.Origin is null ? i with { Origin = claimed.Envelope.Key } : i).ToList();
        var outcome = IssueLimit.ToBoundedJson(located);
        ledger.Add(Draft(LedgerSteps.Parked, claimed) with
        {
            Status = step,
            PayloadHash = CanonicalJson.Hash(Encoding.UTF8.GetBytes(outcome)),
            Detail = ErrorCodes(located),
        });
        return RecordOutcome.Parked(new RecordParking(claimed.Envelope.Key, step, outcome), ledger);
    }

    private static IReadOnlyList<Issue> Errors(IReadOnlyList<Issue> issues, string fallback) =>
        issues.Any(i => i.IsError) ? issues : [.. issues, IssueCatalogue.GatewayMappingFailed.At(null, fallback)];

    private static string ErrorCodes(IEnumerable<Issue> issues) => Intake.RecordIntake.Codes(issues.Where(i => i.IsError));

    private static LedgerDraft Draft(string step, ClaimedRecord claimed) => new(step, claimed.Envelope.Key, claimed.Envelope.PatientId);

    private static byte[] ResourcesJson(MappedRecord record)
    {
        using var buffer = new MemoryStream();
        buffer.WriteByte((byte)'[');
        for (var i = 0; i < record.Resources.Count; i++)
        {
            if (i > 0) buffer.WriteByte((byte)',');
            buffer.Write(record.Resources[i].Json.Span);
        }
        buffer.WriteByte((byte)']');
        return buffer.ToArray();
    }
}
