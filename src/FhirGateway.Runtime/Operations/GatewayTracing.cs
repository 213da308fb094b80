using System.Diagnostics;

namespace FhirGateway.Runtime.Operations;

/// <summary>
/// The gateway's spans (ActivitySource <c>FhirGateway</c>, exported over OTLP beside the metrics): <c>intake</c> →
/// <c>pipeline</c> (with <c>map</c> and <c>validate</c>) → <c>delivery</c> per partner. Tags carry record keys
/// (<c>recordId@version</c>), kinds, partner ids, steps and outcomes: never a patient id, name or any content.
/// </summary>
public static class GatewayTracing
{
    public const string SourceName = "FhirGateway";
    public const string RecordKey = "fhirgw.record.key";
    public const string RecordKind = "fhirgw.record.kind";
    public const string Partner = "fhirgw.partner";
    public const string Outcome = "fhirgw.outcome";

    public static readonly ActivitySource Source = new(SourceName);

    public static Activity? Start(string name, string? recordKey = null, string? kind = null, string? partner = null)
    {
        var activity = Source.StartActivity(name, ActivityKind.Internal);
        if (activity is null) return null;
        if (recordKey is not null) activity.SetTag(RecordKey, recordKey);
        if (kind is not null) activity.SetTag(RecordKind, kind);
        if (partner is not null) activity.SetTag(Partner, partner);
        return activity;
    }

    /// <summary>Records how a span ended (<c>stored</c>, <c>parked</c>, <c>routed</c>, <c>delivered</c>…); an error outcome marks the span as failed.</summary>
    public static void End(Activity? activity, string outcome, bool failed = false)
    {
        if (activity is null) return;
        activity.SetTag(Outcome, outcome);
        if (failed) activity.SetStatus(ActivityStatusCode.Error, outcome);
    }
}
