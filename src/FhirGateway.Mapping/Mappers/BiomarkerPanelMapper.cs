using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Mappers.Tables;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// A biomarker panel: one biomarker-result Observation per result (code and unit checked against the biomarker
/// table) and the biomarker-panel DiagnosticReport tied to the milestone and, when named, the programme care plan.
/// </summary>
internal sealed class BiomarkerPanelMapper : IKindMapper
{
    public string Kind => RecordKinds.BiomarkerPanel;

    public void Map(MappingContext context)
    {
        var r = context.Record;
        var milestone = r.Code("milestone", true, Milestones.Codes);
        var collectedAt = r.DateTime("collectedAt", true);
        var reportedAt = r.DateTime("reportedAt", true);
        var planId = r.String("planId", false);
        var lab = Parties.Read(r, "laboratory", true);
        var conclusion = r.String("conclusion", false);
        var results = ReadResults(r);
        if (collectedAt is not null && reportedAt is not null && reportedAt.Value.Value < collectedAt.Value.Value)
            r.Report(IssueCatalogue.RecordInconsistent, "reportedAt", r.PathOf("reportedAt"), "is before collectedAt");
        if (milestone is null || collectedAt is null || reportedAt is null || lab is null || context.HasErrors) return;

        var labRef = Parties.Organization(lab.Value.Id, lab.Value.Name);
        var observations = new List<ResourceDraft>();
        var panelNarrative = new Narrative().Title($"Biomarker panel, {Milestones.Displays[milestone]} (collected {collectedAt.Value.DateText})");
        foreach (var (biomarker, value, unit, low, high) in results)
        {
            var range = ReferenceRanges.Text(low, high, unit.Display);
            var flag = ReferenceRanges.Interpret(value, low, high);
            panelNarrative.Row(biomarker.Name, $"{value} {unit.Display}" + (range is null ? "" : $" (reference {range}{(flag is null ? "" : $", {flag.Value.Display.ToLowerInvariant()}")})"));
            var narrative = new Narrative().Title(biomarker.Name).Row("Result", $"{value} {unit.Display}").Row("Reference range", range).Row("Interpretation", flag?.Display)
                .Row("Collected", collectedAt.Value.Text).Row("Milestone", Milestones.Displays[milestone]);
            var draft = ObservationDrafts.Start(context, context.FromRecord(ClinicIg.Systems.Result, biomarker.Key), "biomarker-result", narrative,
                milestone, "laboratory", FhirNodes.Concept(biomarker.System, biomarker.Code, biomarker.System == ClinicIg.Concepts ? ClinicConcepts.Display(biomarker.Code) : null, biomarker.Name),
                collectedAt.Value.Text, FhirNodes.Array(labRef.DeepClone()));
            draft["issued"] = reportedAt.Value.Text;
            draft["valueQuantity"] = FhirNodes.Quantity(value, unit.Display, unit.Code);
            if (flag is { } f) draft["interpretation"] = FhirNodes.Array(FhirNodes.Concept(ClinicIg.Standard.ObservationInterpretation, f.Code, f.Display));
            if (range is not null)
            {
                var rr = new JsonObject();
                if (low is not null) rr["low"] = FhirNodes.Quantity(low.Value, unit.Display, unit.Code);
                if (high is not null) rr["high"] = FhirNodes.Quantity(high.Value, unit.Display, unit.Code);
                rr["text"] = range;
                draft["referenceRange"] = FhirNodes.Array(rr);
            }
            observations.Add(draft);
        }
        if (conclusion is not null) panelNarrative.Paragraph(conclusion);

        var report = context.Add(new ResourceDraft(new ResourceKey("DiagnosticReport", new BusinessIdentifier(ClinicIg.Systems.Report, context.Envelope.RecordId)), "biomarker-panel"));
        report.Narrate(panelNarrative);
        report["extension"] = FhirNodes.Array(Milestones.Extension(milestone));
        report["identifier"] = FhirNodes.Array(FhirNodes.Identifier(report.Key.Identifier));
        if (planId is not null) report["basedOn"] = FhirNodes.Array(FhirNodes.Reference(CarePlanUpdateMapper.KeyFor(planId)));
        report["status"] = context.ResultStatus;
        report["category"] = FhirNodes.Array(FhirNodes.Concept(ClinicIg.Standard.V2DiagnosticService, "LAB"));
        report["code"] = ClinicConcepts.Concept("biomarker-panel", "Biomarker panel");
        report["subject"] = context.PatientReference();
        report["effectiveDateTime"] = collectedAt.Value.Text;
        report["issued"] = reportedAt.Value.Text;
        report["performer"] = FhirNodes.Array(labRef);
        report["result"] = FhirNodes.Array(observations.Select(o => (JsonNode)FhirNodes.Reference(o.Key, ((JsonObject)o["code"]!)["text"]!.GetValue<string>())));
        if (conclusion is not null) report["conclusion"] = conclusion;
    }

    private static List<(Biomarker Biomarker, RecordNumber Value, BiomarkerUnit Unit, RecordNumber? Low, RecordNumber? High)> ReadResults(RecordFields r)
    {
        var results = new List<(Biomarker, RecordNumber, BiomarkerUnit, RecordNumber?, RecordNumber?)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in r.Objects("results", true, minItems: 1))
        {
            var key = item.Code("biomarker", true, Biomarkers.Keys);
            var value = item.Number("value", true, 0m);
            var unitCode = item.String("unit", true);
            var range = item.Object("referenceRange", false);
            var low = range?.Number("low", false, 0m);
            var high = range?.Number("high", false, 0m);
            if (key is null || unitCode is null) continue;
            if (!seen.Add(key))
            {
                r.Report(IssueCatalogue.RecordDuplicateEntry, "results", r.PathOf("results"), key);
                continue;
            }
            var biomarker = Biomarkers.ByKey(key);
            var unit = biomarker.Units.FirstOrDefault(u => u.Code == unitCode);
            if (unit is null)
            {
                item.Report(IssueCatalogue.RecordUnitMismatch, "unit", item.PathOf("unit"), unitCode, biomarker.Name, string.Join(", ", biomarker.Units.Select(u => u.Code)));
                continue;
            }
            if (value is not null) results.Add((biomarker, value.Value, unit, low, high));
        }
        return results;
    }
}
