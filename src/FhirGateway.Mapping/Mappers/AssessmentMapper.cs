using System.Globalization;
using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Mappers.Tables;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// An assessment (intake or follow-up): the diagnosis (Condition), ALSFRS-R, FVC, EDSS and the neurological
/// examination finding, each an Observation of its profile tied to the milestone; the relapse history, medication
/// review and study summaries (see <see cref="AssessmentHistoryMapper"/>); for a follow-up, the link of ALSFRS-R and
/// FVC to the baseline and the ALSFRS-R slope (<see cref="OutcomeTracking"/>).
/// </summary>
internal sealed class AssessmentMapper : IKindMapper
{
    public string Kind => RecordKinds.Assessment;

    public void Map(MappingContext context)
    {
        var r = context.Record;
        var milestone = r.Code("milestone", true, Milestones.Codes);
        var performedAt = r.DateTime("performedAt", true);
        var present = Parts.Where(r.Has).ToList();
        if (present.Count == 0) context.Issues.Add(IssueCatalogue.RecordNothingToMap.At(null, string.Join(", ", Parts)));
        if (milestone is null || performedAt is null) return;
        var when = performedAt.Value.Text;
        var baseline = OutcomeTracking.Read(context, milestone, performedAt.Value);
        DiagnosisMapper.Map(context);
        if (Alsfrs(context, milestone, when) is { } alsfrs && baseline is not null)
        {
            OutcomeTracking.Link(alsfrs.Draft, baseline, "alsfrs-r", "Baseline ALSFRS-R total");
            OutcomeTracking.Slope(context, baseline, milestone, performedAt.Value, alsfrs.Draft, alsfrs.Total);
        }
        if (Fvc(context, milestone, when) is { } fvc && baseline is not null) OutcomeTracking.Link(fvc, baseline, "fvc", "Baseline forced vital capacity");
        Edss(context, milestone, when);
        NeuroExam(context, milestone, when);
        AssessmentHistoryMapper.Map(context, milestone, when);
    }

    private static readonly string[] Parts = ["diagnosis", "alsfrsR", "fvc", "edss", "neurologicalExam", "relapses", "medications", "studies"];

    private static (ResourceDraft Draft, int Total)? Alsfrs(MappingContext context, string milestone, string when)
    {
        var alsfrs = context.Record.Object("alsfrsR", false);
        if (alsfrs is null) return null;
        var items = alsfrs.Object("items", true);
        var gastrostomy = alsfrs.Boolean("gastrostomy", false) ?? false;
        var total = alsfrs.Integer("total", false, 0, 48);
        var scores = new List<(AlsfrsItem Item, int Score)>();
        if (items is not null)
            foreach (var item in AlsfrsItems.All)
                if (items.Integer(item.Key, false, 0, 4) is { } score) scores.Add((item, score));
        if (items is not null && scores.Count == AlsfrsItems.All.Count)
        {
            var sum = scores.Sum(s => s.Score);
            if (total is null && !alsfrs.Has("total")) total = sum;
            else if (total is not null && total != sum) alsfrs.Report(IssueCatalogue.RecordScoreMismatch, "total", alsfrs.PathOf("total"), total, sum);
        }
        else if (total is null && !alsfrs.Has("total"))
        {
            alsfrs.Report(IssueCatalogue.RecordMissingField, "total", alsfrs.PathOf("total"), "the ALSFRS-R total (0-48), or all 12 items");
        }
        if (total is null || context.HasErrors) return null;

        var narrative = new Narrative().Title($"ALSFRS-R {total}/48 ({Milestones.Displays[milestone]}, {when[..10]})");
        foreach (var (item, score) in scores) narrative.Row(item.Name, score.ToString(CultureInfo.InvariantCulture));
        if (gastrostomy) narrative.Paragraph("Item 5 scored with gastrostomy.");
        var draft = ObservationDrafts.Start(context, context.FromRecord(ClinicIg.Systems.Result, "alsfrs-r"), "alsfrs-r", narrative, milestone, "survey",
            FhirNodes.Concept(ClinicIg.Standard.Loinc, AlsfrsItems.TotalLoinc, null, "ALSFRS-R total score"), when);
        draft["valueInteger"] = total;
        if (scores.Count > 0)
            draft["component"] = FhirNodes.Array(scores.Select(s => (JsonNode)new JsonObject
            {
                ["code"] = FhirNodes.Concept(ClinicIg.Standard.Loinc, AlsfrsItems.LoincOf(s.Item, gastrostomy), null, s.Item.Name),
                ["valueInteger"] = s.Score,
            }));
        return (draft, total.Value);
    }

    private static ResourceDraft? Fvc(MappingContext context, string milestone, string when)
    {
        var fvc = context.Record.Object("fvc", false);
        if (fvc is null) return null;
        var volume = fvc.Number("volumeL", true, 0m, 10m, minExclusive: true);
        var percent = fvc.Number("percentPredicted", true, 0m, 200m);
        if (volume is null || percent is null) return null;
        var narrative = new Narrative().Title($"Forced vital capacity ({Milestones.Displays[milestone]}, {when[..10]})")
            .Row("FVC", $"{volume} L").Row("Predicted", $"{percent} %");
        var draft = ObservationDrafts.Start(context, context.FromRecord(ClinicIg.Systems.Result, "fvc"), "fvc", narrative, milestone, "procedure",
            FhirNodes.Concept(ClinicIg.Standard.Loinc, "19870-5", null, "Forced vital capacity"), when);
        draft["valueQuantity"] = FhirNodes.Quantity(volume.Value, "L", "L");
        draft["component"] = FhirNodes.Array(new JsonObject
        {
            ["code"] = FhirNodes.Concept(ClinicIg.Standard.Loinc, "19872-1", null, "FVC measured/predicted"),
            ["valueQuantity"] = FhirNodes.Quantity(percent.Value, "%", "%"),
        });
        return draft;
    }

    private static void Edss(MappingContext context, string milestone, string when)
    {
        var r = context.Record;
        if (!r.Has("edss")) return;
        var edss = r.Number("edss", true, 0m, 10m);
        if (edss is null) return;
        if (edss.Value.Value * 2 != decimal.Floor(edss.Value.Value * 2))
        {
            r.Report(IssueCatalogue.RecordValueOutOfRange, "edss", r.PathOf("edss"), edss.Value.Text, "0 to 10 in steps of 0.5");
            return;
        }
        var narrative = new Narrative().Title($"EDSS {edss} ({Milestones.Displays[milestone]}, {when[..10]})");
        var draft = ObservationDrafts.Start(context, context.FromRecord(ClinicIg.Systems.Result, "edss"), "edss", narrative, milestone, "exam",
            ClinicConcepts.Concept("edss", "EDSS"), when);
        draft["valueQuantity"] = FhirNodes.Quantity(edss.Value, "score", "{score}");
    }

    private static void NeuroExam(MappingContext context, string milestone, string when)
    {
        var finding = context.Record.String("neurologicalExam", false);
        if (finding is null) return;
        var narrative = new Narrative().Title($"Neurological examination ({Milestones.Displays[milestone]}, {when[..10]})").Paragraph(finding);
        var draft = ObservationDrafts.Start(context, context.FromRecord(ClinicIg.Systems.Result, "neuro-exam"), "neuro-exam", narrative, milestone, "exam",
            FhirNodes.Concept(ClinicIg.Standard.Loinc, "10202-0", null, "Neurological examination findings"), when);
        draft["valueString"] = finding;
    }
}
