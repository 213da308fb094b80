using System.Globalization;
using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Mappers.Tables;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Mappers;

/// <summary>The baseline a follow-up assessment states it is compared with: its record, when it was made and its ALSFRS-R total.</summary>
internal sealed record Baseline(string RecordId, RecordDateTime PerformedAt, int? AlsfrsTotal)
{
    /// <summary>The Observation of <paramref name="part"/> (alsfrs-r, fvc) the baseline record was mapped to.</summary>
    public ResourceKey Key(string part) => new("Observation", new BusinessIdentifier(ClinicIg.Systems.Result, $"{RecordId}.{part}"));
}

/// <summary>
/// Structured outcome tracking: a follow-up's ALSFRS-R and FVC name the baseline Observation they are compared with
/// (extension compared-with-baseline: R4 has no element for it — derivedFrom would say the value is computed from the
/// baseline, hasMember makes a panel, focus changes what is observed), and the ALSFRS-R slope from the baseline to the
/// milestone, in points per month, is derived as an alsfrs-r-slope Observation whose derivedFrom are both totals.
/// That the stated baseline is the routed one is checked by the pipeline against the store.
/// </summary>
internal static class OutcomeTracking
{
    public static Baseline? Read(MappingContext context, string milestone, RecordDateTime performedAt)
    {
        var r = context.Record;
        var b = r.Object("baseline", false);
        if (b is null) return null;
        var recordId = b.String("recordId", true);
        var when = b.DateTime("performedAt", true);
        var total = b.Integer("alsfrsRTotal", false, 0, 48);
        if (!Milestones.FollowUps.Contains(milestone))
            b.Report(IssueCatalogue.RecordInconsistent, "recordId", b.PathOf("recordId"), $"is set, but a {milestone} assessment is not compared with a baseline");
        else if (when is not null && when.Value.Value >= performedAt.Value)
            b.Report(IssueCatalogue.RecordInconsistent, "performedAt", b.PathOf("performedAt"), $"is not before this assessment ({performedAt.Text})");
        else if (total is null && !b.Has("alsfrsRTotal") && r.Has("alsfrsR"))
            b.Report(IssueCatalogue.RecordMissingField, "alsfrsRTotal", b.PathOf("alsfrsRTotal"), "the baseline's ALSFRS-R total, from which the slope is derived");
        return recordId is null || when is null || context.HasErrors ? null : new Baseline(recordId, when.Value, total);
    }

    public static void Link(ResourceDraft draft, Baseline baseline, string part, string display) =>
        ((JsonArray)draft["extension"]!).Add(FhirNodes.Extension(ClinicIg.Extension("compared-with-baseline"), "valueReference",
            FhirNodes.Reference(baseline.Key(part), display)));

    /// <summary>The slope from the baseline total to <paramref name="total"/> of the milestone's ALSFRS-R (<paramref name="milestoneTotal"/>).</summary>
    public static void Slope(MappingContext context, Baseline baseline, string milestone, RecordDateTime performedAt, ResourceDraft milestoneTotal, int total)
    {
        if (baseline.AlsfrsTotal is not { } from) return;
        var value = AlsfrsSlope.PerMonth(from, baseline.PerformedAt.Value, total, performedAt.Value).ToString("0.00", CultureInfo.InvariantCulture);
        var span = AlsfrsSlope.Months(baseline.PerformedAt.Value, performedAt.Value).ToString("0.0", CultureInfo.InvariantCulture);
        var identifier = context.FromRecord(ClinicIg.Systems.Result, "alsfrs-r-slope");
        var draft = context.Add(new ResourceDraft(new ResourceKey("Observation", identifier), "alsfrs-r-slope"));
        draft.Narrate(new Narrative().Title($"ALSFRS-R slope {value} points per month ({baseline.PerformedAt.DateText} to {performedAt.DateText})")
            .Row("Baseline total", $"{from}/48 ({baseline.PerformedAt.DateText}, record {baseline.RecordId})")
            .Row($"{Milestones.Displays[milestone]} total", $"{total}/48 ({performedAt.DateText})")
            .Row("Months between", span)
            .Paragraph("A description of the change between two assessments; it states no effect of the treatment."));
        draft["extension"] = FhirNodes.Array(Milestones.Extension(milestone));
        draft["identifier"] = FhirNodes.Array(FhirNodes.Identifier(identifier));
        draft["status"] = context.ResultStatus;
        draft["code"] = ClinicConcepts.Concept("alsfrs-r-slope", "ALSFRS-R slope");
        draft["subject"] = context.PatientReference();
        draft["effectivePeriod"] = FhirNodes.Period(baseline.PerformedAt.Text, performedAt.Text);
        draft["issued"] = context.RecordedAt.Text;
        draft["valueQuantity"] = new JsonObject
        {
            ["value"] = JsonNode.Parse(value),
            ["unit"] = "points per month",
            ["system"] = ClinicIg.Standard.Ucum,
            ["code"] = "{score}/mo",
        };
        draft["method"] = ClinicConcepts.Concept("two-point-slope",
            "ALSFRS-R total at the milestone minus the baseline total, divided by the months between the two assessments (days / 30.4375)");
        draft["derivedFrom"] = FhirNodes.Array(
            FhirNodes.Reference(baseline.Key("alsfrs-r"), "Baseline ALSFRS-R total"),
            FhirNodes.Reference(milestoneTotal.Key, $"ALSFRS-R total, {Milestones.Displays[milestone]}"));
    }
}
