using System.Globalization;
using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Mappers.Tables;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// The history an assessment carries: the MS relapse history (ms-relapse-history Observation), the medication review
/// (one medication-review-entry MedicationStatement per medicine, disease-modifying therapies marked) and the
/// summaries of recent MRI and EMG studies (study-summary DiagnosticReports).
/// </summary>
internal static class AssessmentHistoryMapper
{
    private static readonly Dictionary<string, string> Studies = new(StringComparer.Ordinal) { ["mri"] = "mri-summary", ["emg"] = "emg-summary" };

    public static void Map(MappingContext context, string milestone, string when)
    {
        Relapses(context, milestone, when);
        Medications(context, when);
        StudySummaries(context);
    }

    private static void Relapses(MappingContext context, string milestone, string when)
    {
        var relapses = context.Record.Object("relapses", false);
        if (relapses is null) return;
        var count = relapses.Integer("last24Months", true, 0, 100);
        var lastOnset = relapses.Date("lastOnset", false);
        if (count == 0 && lastOnset is not null)
            relapses.Report(IssueCatalogue.RecordInconsistent, "lastOnset", relapses.PathOf("lastOnset"), "is set, but no relapse is counted in the last 24 months");
        if (count is null || context.HasErrors) return;
        var narrative = new Narrative().Title($"MS relapses in the last 24 months: {count}").Row("Most recent began", lastOnset);
        var draft = ObservationDrafts.Start(context, context.FromRecord(ClinicIg.Systems.Result, "relapses"), "ms-relapse-history", narrative, milestone, "exam",
            ClinicConcepts.Concept("ms-relapses-24m"), when);
        draft["valueInteger"] = count.Value;
        if (lastOnset is not null)
            draft["component"] = FhirNodes.Array(new JsonObject { ["code"] = ClinicConcepts.Concept("last-relapse-onset"), ["valueDateTime"] = lastOnset });
    }

    private static void Medications(MappingContext context, string when)
    {
        var index = 0;
        foreach (var m in context.Record.Objects("medications", false))
        {
            index++;
            var name = m.String("name", true);
            var dose = m.String("dose", false);
            var since = m.Date("since", false, partial: true);
            var dmt = m.Boolean("diseaseModifying", false) ?? false;
            if (name is null || context.HasErrors) continue;
            var draft = context.Add(new ResourceDraft(new ResourceKey("MedicationStatement", context.FromRecord(ClinicIg.Systems.Result, $"medication-{index}")), "medication-review-entry"));
            draft.Narrate(new Narrative().Title(name).Row("Dose", dose).Row("Since", since)
                .Row("Kind", dmt ? ClinicConcepts.Display("disease-modifying-therapy") : null));
            draft["identifier"] = FhirNodes.Array(FhirNodes.Identifier(draft.Key.Identifier));
            draft["status"] = "active";
            if (dmt) draft["category"] = ClinicConcepts.Concept("disease-modifying-therapy");
            draft["medicationCodeableConcept"] = FhirNodes.TextConcept(name);
            draft["subject"] = context.PatientReference();
            if (since is not null) draft["effectivePeriod"] = FhirNodes.Period(since, null);
            draft["dateAsserted"] = when;
            if (context.RecordedBy is not null) draft["informationSource"] = context.RecordedBy.DeepClone();
            if (dose is not null) draft["dosage"] = FhirNodes.Array(new JsonObject { ["text"] = dose });
        }
    }

    private static void StudySummaries(MappingContext context)
    {
        var index = 0;
        foreach (var s in context.Record.Objects("studies", false))
        {
            index++;
            var modality = s.Code("modality", true, [.. Studies.Keys]);
            var date = s.Date("date", true);
            var summary = s.String("summary", true);
            var reportedBy = Parties.Read(s, "reportedBy", false);
            if (modality is null || date is null || summary is null || context.HasErrors) continue;
            var code = Studies[modality];
            var draft = context.Add(new ResourceDraft(new ResourceKey("DiagnosticReport", context.FromRecord(ClinicIg.Systems.Report, $"study-{index}")), "study-summary"));
            draft.Narrate(new Narrative().Title($"{ClinicConcepts.Display(code)} ({date})").Row("Reported by", reportedBy?.Name).Paragraph(summary));
            draft["identifier"] = FhirNodes.Array(FhirNodes.Identifier(draft.Key.Identifier));
            draft["status"] = context.ResultStatus;
            draft["code"] = ClinicConcepts.Concept(code, modality.ToUpper(CultureInfo.InvariantCulture) + " summary");
            draft["subject"] = context.PatientReference();
            draft["effectiveDateTime"] = date;
            draft["issued"] = context.RecordedAt.Text;
            if (reportedBy is not null) draft["performer"] = FhirNodes.Array(Parties.Organization(reportedBy.Value.Id, reportedBy.Value.Name));
            draft["conclusion"] = summary;
        }
    }
}
