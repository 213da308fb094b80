using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Mappers.Tables;

/// <summary>An interpretation flag of HL7 v3 ObservationInterpretation (H, L, N).</summary>
internal readonly record struct Interpretation(string Code, string Display);

/// <summary>
/// A result against its reference range, as a clinician reads it: the range written "≤ 3.0 mg/L", "≥ 10 pg/mL" or
/// "0.5–5 pg/mL", and the flag computed from it: H above the upper limit, L below the lower, N within (none without a range).
/// </summary>
internal static class ReferenceRanges
{
    public static readonly Interpretation High = new("H", "High");
    public static readonly Interpretation Low = new("L", "Low");
    public static readonly Interpretation Normal = new("N", "Normal");

    public static string? Text(RecordNumber? low, RecordNumber? high, string unit) => (low, high) switch
    {
        (null, null) => null,
        (null, { } h) => $"≤ {h.Text} {unit}",
        ({ } l, null) => $"≥ {l.Text} {unit}",
        ({ } l, { } h) => $"{l.Text}–{h.Text} {unit}",
    };

    public static Interpretation? Interpret(RecordNumber value, RecordNumber? low, RecordNumber? high)
    {
        if (low is null && high is null) return null;
        if (high is { } h && value.Value > h.Value) return High;
        if (low is { } l && value.Value < l.Value) return Low;
        return Normal;
    }

}
