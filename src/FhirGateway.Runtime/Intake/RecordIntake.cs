using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Records;
using FhirGateway.Mapping;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Intake;

/// <summary>What intake made of a submission: the receipt once stored (or recognised), or the issues that refused it.</summary>
public sealed record IntakeResult(IntakeReceipt? Receipt, IReadOnlyList<Issue> Issues)
{
    public bool Stored => Receipt is { Status: IntakeStatus.Accepted or IntakeStatus.Duplicate };
}

/// <summary>
/// The one way records enter the gateway (HTTP, <c>fhirgw ingest</c>, the inbox folder, the Service Bus queue): checks
/// the size (<c>Intake:MaxRecordBytes</c>, the same for every way in), reads the envelope, checks the record against its
/// kind's contract (the mapper's, <see cref="IRecordMapper.CheckContract"/>), refuses a bad record with its issues (at
/// most <see cref="IssueLimit.Default"/> and a summary), stores a good one and answers only once it is stored. A repeat
/// of the same record id and version gets the original receipt; the same id and version with other content is refused
/// as a conflict.
/// </summary>
public sealed class RecordIntake(IIntakeStore store, IRecordMapper mapper, GatewayMetrics metrics, WorkSignals signals, IOptions<GatewayOptions> options,
    LogRecordKeys keys, ILogger<RecordIntake> logger)
{
    /// <summary>The largest record taken in (<c>Intake:MaxRecordBytes</c>).</summary>
    public int MaxRecordBytes { get; } = options.Value.Intake.MaxRecordBytes;

    /// <summary>The refusal of a record of <paramref name="length"/> bytes, or null when it is within the limit (to refuse before reading a file).</summary>
    public IntakeResult? RefuseIfTooLarge(long length, string source)
    {
        if (length <= MaxRecordBytes) return null;
        Log.RecordRefused(logger, source, IssueCatalogue.GatewayIntakeTooLarge.Id);
        return new IntakeResult(null, [IssueCatalogue.GatewayIntakeTooLarge.At(null, MaxRecordBytes)]);
    }

    public async Task<IntakeResult> SubmitAsync(ReadOnlyMemory<byte> json, string source, CancellationToken cancellationToken)
    {
        using var span = GatewayTracing.Start("intake");
        span?.SetTag("fhirgw.source", source);
        if (RefuseIfTooLarge(json.Length, source) is { } tooLarge)
        {
            GatewayTracing.End(span, "refused", failed: true);
            return tooLarge;
        }
        var issues = new List<Issue>();
        var envelope = RecordEnvelopeReader.Read(json, issues);
        if (envelope is not null && !issues.Exists(i => i.IsError)) issues.AddRange(mapper.CheckContract(json, envelope));
        if (envelope is null || issues.Exists(i => i.IsError))
        {
            Log.RecordRefused(logger, source, Codes(issues));
            GatewayTracing.End(span, "refused", failed: true);
            return new IntakeResult(null, IssueLimit.Apply(issues));
        }
        span?.SetTag(GatewayTracing.RecordKey, envelope.Key);
        span?.SetTag(GatewayTracing.RecordKind, envelope.Kind);
        var receipt = await store.AcceptAsync(new RecordSubmission(envelope, json, source), cancellationToken);
        GatewayTracing.End(span, receipt.Status.ToString().ToLowerInvariant(), failed: receipt.Status == IntakeStatus.Conflict);
        switch (receipt.Status)
        {
            case IntakeStatus.Accepted:
                metrics.RecordReceived(envelope.Kind, source);
                Log.RecordStored(logger, keys.Show(receipt.RecordKey), envelope.Kind, source, receipt.ReceiptId);
                signals.Pipeline.Pulse();
                break;
            case IntakeStatus.Duplicate:
                Log.RecordRepeated(logger, keys.Show(receipt.RecordKey), receipt.ReceiptId);
                break;
            default:
                Log.RecordConflict(logger, keys.Show(receipt.RecordKey), receipt.ReceiptId);
                issues.Add(IssueCatalogue.GatewayIntakeConflict.At("recordId", receipt.RecordKey, receipt.ReceiptId));
                break;
        }
        return new IntakeResult(receipt, issues);
    }

    internal static string Codes(IEnumerable<Issue> issues) => string.Join(", ", issues.Select(i => i.Code).Distinct());
}
