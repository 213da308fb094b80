namespace FhirGateway.Mapping.Records;

/// <summary>The kinds of internal clinic record, as each record names itself in its <c>kind</c> property.</summary>
public static class RecordKinds
{
    public const string Assessment = "assessment";
    public const string BiomarkerPanel = "biomarker-panel";
    public const string ProductRelease = "product-release";
    public const string Infusion = "infusion";
    public const string CarePlanUpdate = "care-plan-update";
    public const string Consent = "consent";
    public const string AdverseEvent = "adverse-event";

    public static readonly IReadOnlyList<string> All =
        [Assessment, BiomarkerPanel, ProductRelease, Infusion, CarePlanUpdate, Consent, AdverseEvent];

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);
}
