using System.Globalization;
using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Mappers.Tables;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// A care-plan update (the first plan, or a change to it): the programme-care-plan CarePlan with its infusion series
/// (8 to 12 weeks), the 1/3/6/12-month milestones, the eligibility assessment, the safety review for intrathecal
/// delivery, honest goals and the care teams. The plan keeps its identifier across updates, so a change updates it.
/// </summary>
internal sealed class CarePlanUpdateMapper : IKindMapper
{
    private static readonly string[] PlanStatuses = ["draft", "active", "on-hold", "revoked", "completed"];
    private static readonly string[] ActivityStatuses = ["not-started", "scheduled", "in-progress", "on-hold", "completed", "cancelled"];

    public string Kind => RecordKinds.CarePlanUpdate;

    public static ResourceKey KeyFor(string planId) => new("CarePlan", new BusinessIdentifier(ClinicIg.Systems.CarePlan, planId));

    public static ResourceKey SafetyReviewKey(string reviewId) => CarePlanParts.SafetyReviewKey(reviewId);

    private sealed record Series(string Route, int Count, int EveryWeeks, string Start, string End, RecordNumber Dose, string Status);

    private sealed record Milestone(string Code, string Start, string End, string Status);

    public void Map(MappingContext context)
    {
        var plan = context.Record.Object("plan", true);
        if (plan is null) return;
        var id = plan.String("id", true);
        var status = plan.Code("status", true, PlanStatuses);
        var title = plan.String("title", true);
        var description = plan.String("description", false);
        var period = plan.Object("period", true);
        var start = period?.Date("start", true);
        var end = period?.Date("end", false);
        var diagnosis = plan.Code("diagnosis", true, DiagnosisMapper.Conditions);
        var note = plan.String("note", false);
        var series = ReadSeries(plan);
        var milestones = ReadMilestones(plan);
        var eligibility = CarePlanParts.Eligibility(context, plan);
        var review = CarePlanParts.SafetyReview(context, plan);
        var conditionKey = diagnosis is null ? (ResourceKey?)null : DiagnosisMapper.KeyFor(context.Envelope.PatientId, diagnosis);
        var goals = id is null ? [] : CarePlanParts.Goals(context, plan, id, conditionKey);
        var teams = CarePlanParts.CareTeams(context, plan);
        if (series.Exists(s => s.Route == Routes.Intrathecal) && !plan.Has("safetyReview"))
            context.Issues.Add(IssueCatalogue.RecordSafetyReviewMissing.At(plan.PathOf("safetyReview"), plan.PathOf("safetyReview")));
        else if (series.Exists(s => s.Route == Routes.Intrathecal && s.Status != "cancelled") && review is not null && ReviewOutcome(review) != "approved")
            context.Issues.Add(IssueCatalogue.RecordSafetyReviewNotApproved.At(plan.PathOf("safetyReview.outcome"), plan.PathOf("safetyReview.outcome"), ReviewOutcome(review)));
        if (status == "active" && eligibility is not null && ReviewOutcome(eligibility) != "eligible")
            context.Issues.Add(IssueCatalogue.RecordNotEligible.At(plan.PathOf("eligibility.eligible"), plan.PathOf("eligibility.eligible"), "false"));
        if (context.HasErrors || id is null || status is null || title is null || start is null || conditionKey is null || eligibility is null) return;

        var draft = context.Add(new ResourceDraft(KeyFor(id), "programme-care-plan"));
        draft.Narrate(Narrate(title, status, start, end, description, series, milestones, goals, teams, note));
        draft["extension"] = FhirNodes.Array(FhirNodes.Extension(ClinicIg.Extension("eligibility-outcome"), "valueCodeableConcept",
            ClinicConcepts.Concept(ReviewOutcome(eligibility))));
        draft["identifier"] = FhirNodes.Array(FhirNodes.Identifier(draft.Key.Identifier));
        draft["status"] = status;
        draft["intent"] = "plan";
        draft["category"] = FhirNodes.Array(ClinicConcepts.Concept("msc-programme"));
        draft["title"] = title;
        if (description is not null) draft["description"] = description;
        draft["subject"] = context.PatientReference();
        draft["period"] = FhirNodes.Period(start, end);
        if (context.RecordedBy is not null) draft["author"] = context.RecordedBy.DeepClone();
        draft["careTeam"] = FhirNodes.Array(teams.Select(t => (JsonNode)FhirNodes.Reference(t.Key, t["name"]!.GetValue<string>())));
        draft["addresses"] = FhirNodes.Array(FhirNodes.Reference(conditionKey.Value));
        var supporting = new JsonArray { FhirNodes.Reference(eligibility.Key, "Eligibility assessment") };
        if (review is not null) supporting.Add(FhirNodes.Reference(review.Key, "Intrathecal safety review"));
        draft["supportingInfo"] = supporting;
        draft["goal"] = FhirNodes.Array(goals.Select(g => (JsonNode)FhirNodes.Reference(g.Key)));
        var activities = new JsonArray();
        foreach (var s in series) activities.Add(SeriesActivity(s, review));
        foreach (var m in milestones) activities.Add(MilestoneActivity(m));
        draft["activity"] = activities;
        if (note is not null) draft["note"] = FhirNodes.Array(FhirNodes.Annotation(note));
    }

    /// <summary>The clinic code an eligibility assessment or safety review found (eligible, approved…).</summary>
    private static string ReviewOutcome(ResourceDraft observation) =>
        observation["valueCodeableConcept"]!["coding"]![0]!["code"]!.GetValue<string>();

    private static List<Series> ReadSeries(RecordFields plan)
    {
        var list = new List<Series>();
        foreach (var s in plan.Objects("infusionSeries", true, minItems: 1))
        {
            var route = s.Code("route", true, Routes.All);
            var count = s.Integer("count", true, 1, 24);
            var every = s.Integer("everyWeeks", true, 1, 12);
            var start = s.Date("start", true);
            var end = s.Date("end", true);
            var dose = s.Number("doseMillionCellsPerKg", true, 0m, 20m, minExclusive: true);
            var status = s.String("status", false) is null ? "scheduled" : s.Code("status", true, ActivityStatuses);
            if (start is not null && end is not null)
            {
                var weeks = (DateTime.ParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture) - DateTime.ParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture)).TotalDays / 7;
                if (weeks < 8 || weeks > 12)
                    s.Report(IssueCatalogue.RecordValueOutOfRange, "end", s.PathOf("end"), $"{weeks:0.#} weeks after start", "8 to 12 weeks (the infusion series)");
            }
            if (route is not null && count is not null && every is not null && start is not null && end is not null && dose is not null && status is not null)
                list.Add(new Series(route, count.Value, every.Value, start, end, dose.Value, status));
        }
        return list;
    }

    private static List<Milestone> ReadMilestones(RecordFields plan)
    {
        var list = new List<Milestone>();
        foreach (var m in plan.Objects("milestones", true))
        {
            var code = m.Code("milestone", true, Milestones.FollowUps);
            var start = m.Date("start", true);
            var end = m.Date("end", true);
            var status = m.String("status", false) is null ? "scheduled" : m.Code("status", true, ActivityStatuses);
            if (code is not null && list.Exists(x => x.Code == code)) plan.Report(IssueCatalogue.RecordDuplicateEntry, "milestones", plan.PathOf("milestones"), code);
            else if (code is not null && start is not null && end is not null && status is not null) list.Add(new Milestone(code, start, end, status));
        }
        foreach (var missing in Milestones.FollowUps.Where(f => !list.Exists(m => m.Code == f)))
            if (plan.Has("milestones")) plan.Report(IssueCatalogue.RecordMissingField, "milestones", $"{plan.PathOf("milestones")}[{missing}]", $"the {Milestones.Displays[missing]} milestone");
        return list;
    }

    private static JsonObject SeriesActivity(Series s, ResourceDraft? review)
    {
        var detail = new JsonObject
        {
            ["extension"] = FhirNodes.Array(Routes.Extension(s.Route), Routes.DoseExtension(s.Dose)),
            ["kind"] = "ServiceRequest",
            ["code"] = ClinicConcepts.Concept("msc-infusion", "MSC infusion series"),
        };
        if (s.Route == Routes.Intrathecal && review is not null)
        {
            ((JsonArray)detail["extension"]!).Add(Routes.ReviewOutcomeExtension(ReviewOutcome(review)));
            detail["reasonReference"] = FhirNodes.Array(FhirNodes.Reference(review.Key, "Intrathecal safety review"));
        }
        detail["status"] = s.Status;
        detail["scheduledTiming"] = new JsonObject
        {
            ["repeat"] = new JsonObject
            {
                ["boundsPeriod"] = FhirNodes.Period(s.Start, s.End),
                ["count"] = s.Count,
                ["period"] = s.EveryWeeks,
                ["periodUnit"] = "wk",
            },
        };
        detail["description"] = $"{s.Count} {s.Route} MSC infusions, one every {s.EveryWeeks} week(s), {s.Dose} × 10^6 cells/kg each";
        return new JsonObject { ["detail"] = detail };
    }

    private static JsonObject MilestoneActivity(Milestone m) => new()
    {
        ["detail"] = new JsonObject
        {
            ["kind"] = "Appointment",
            ["code"] = Milestones.Concept(m.Code),
            ["status"] = m.Status,
            ["scheduledPeriod"] = FhirNodes.Period(m.Start, m.End),
            ["description"] = "Outcome tracking: ALSFRS-R or EDSS, FVC and the biomarker panel",
        },
    };

    private static Narrative Narrate(string title, string status, string start, string? end, string? description, List<Series> series,
        List<Milestone> milestones, List<ResourceDraft> goals, List<ResourceDraft> teams, string? note)
    {
        var n = new Narrative().Title(title).Row("Status", status).Row("Period", end is null ? $"from {start}" : $"{start} to {end}");
        if (description is not null) n.Paragraph(description);
        foreach (var s in series) n.Row("Infusion series", $"{s.Count} × {s.Route}, every {s.EveryWeeks} week(s), {s.Start} to {s.End}, {s.Dose} × 10^6 cells/kg ({s.Status})");
        foreach (var m in milestones) n.Row(Milestones.Displays[m.Code], $"{m.Start} to {m.End} ({m.Status})");
        foreach (var g in goals) n.Row("Goal", ((JsonObject)g["description"]!)["text"]!.GetValue<string>());
        foreach (var t in teams) n.Row("Care team", t["name"]!.GetValue<string>());
        if (note is not null) n.Paragraph(note);
        return n;
    }
}
