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
/// follows the patient → routed (deliveries queued, pending or held) or parked with its reasons. Each outcome is
/// one store transaction with its ledger entries.
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

    public async Task ProcessAsync(ClaimedRecord claimed, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var envelope = claimed.Envelope;
        using var span = GatewayTracing.Start("pipeline", envelope.Key, envelope.Kind);
        if (claimed.Payload.Length > options.Value.Intake.MaxRecordBytes)
        {
            // Intake refuses these; one stored before the limit was lowered (or by an older version) is parked, not mapped.
            await ParkAsync(claimed, owner, MappingStep, [IssueCatalogue.GatewayIntakeTooLarge.At(null, options.Value.Intake.MaxRecordBytes)], [], cancellationToken);
            GatewayTracing.End(span, "parked at " + MappingStep, failed: true);
            return;
        }
        var mapping = Map(claimed);
        if (!mapping.Success)
        {
            await ParkAsync(claimed, owner, MappingStep, Errors(mapping.Issues, "the mapper gave no record"), [], cancellationToken);
            GatewayTracing.End(span, "parked at " + MappingStep, failed: true);
            return;
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
            await ParkAsync(claimed, owner, ValidationStep, issues, [mapped], cancellationToken);
            GatewayTracing.End(span, "parked at " + ValidationStep, failed: true);
            return;
        }
        var cross = await crossChecks.CheckAsync(record, cancellationToken);
        if (cross.Any(i => i.IsError))
        {
            await ParkAsync(claimed, owner, CrossRecordStep, [.. issues, .. cross], [mapped], cancellationToken);
            GatewayTracing.End(span, "parked at " + CrossRecordStep, failed: true);
            return;
        }
        await RouteAsync(claimed, owner, record, [mapped], [.. issues, .. cross], cancellationToken);
        GatewayTracing.End(span, "routed");
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

    private async Task RouteAsync(ClaimedRecord claimed, string owner, MappedRecord record, List<LedgerDraft> ledger, IReadOnlyList<Issue> warnings, CancellationToken cancellationToken)
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
        if (!await store.RouteRecordAsync(new RecordRouting(record, mapper.MapperVersion, planned), owner, ledger, cancellationToken)) return;
        var heldCount = planned.Count(p => p.HoldReason is not null);
        foreach (var held in planned.Where(p => p.HoldReason is not null)) metrics.Held(held.PartnerId, 1);
        Log.RecordRouted(logger, keys.Show(envelope.Key), record.Resources.Count, planned.Count, heldCount);
        signals.Delivery.Pulse();
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

    /// <summary>Parks a record whose processing failed unexpectedly, with the exception's type as the reason. Never throws but for cancellation.</summary>
    public async Task ParkFailedAsync(ClaimedRecord claimed, string owner, Exception failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        ArgumentNullException.ThrowIfNull(failure);
        try
        {
            await ParkAsync(claimed, owner, MappingStep, [IssueCatalogue.GatewayPipelineFailed.At(null, failure.GetType().Name)], [], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.StoreFailed(logger, e, "pipeline");
        }
    }

    private async Task ParkAsync(ClaimedRecord claimed, string owner, string step, IReadOnlyList<Issue> issues, List<LedgerDraft> ledger, CancellationToken cancellationToken)
    {
        var located = issues.Select(i => i.Origin is null ? i with { Origin = claimed.Envelope.Key } : i).ToList();
        var outcome = IssueLimit.ToBoundedJson(located);
        ledger.Add(Draft(LedgerSteps.Parked, claimed) with
        {
            Status = step,
            PayloadHash = CanonicalJson.Hash(Encoding.UTF8.GetBytes(outcome)),
            Detail = ErrorCodes(located),
        });
        if (!await store.ParkRecordAsync(new RecordParking(claimed.Envelope.Key, step, outcome), owner, ledger, cancellationToken)) return;
        metrics.RecordParked(step);
        Log.RecordParked(logger, keys.Show(claimed.Envelope.Key), step, ErrorCodes(located));
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
