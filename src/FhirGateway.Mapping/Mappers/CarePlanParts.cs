using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Mappers.Tables;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// The resources a care-plan update carries besides the CarePlan: the eligibility assessment, the intrathecal
/// safety review, the goals and the care teams. Each returns its draft (already added) or null with issues.
/// </summary>
internal static class CarePlanParts
{
    private static readonly string[] ReviewOutcomes = ["approved", "not-approved"];

    public static ResourceDraft? Eligibility(MappingContext context, RecordFields plan)
    {
        var e = plan.Object("eligibility", true);
        if (e is null) return null;
        var assessedOn = e.Date("assessedOn", true);
        var eligible = e.Boolean("eligible", true);
        var ventilator = e.Boolean("ventilatorDependent", true);
        var bulbar = e.Boolean("severeBulbarInvolvement", true);
        var reasoning = e.String("reasoning", true);
        if (ventilator == true && eligible == true)
            e.Report(IssueCatalogue.RecordInconsistent, "eligible", e.PathOf("eligible"), "is true for a ventilator-dependent patient, who is unlikely to benefit");
        if (assessedOn is null || eligible is null || ventilator is null || bulbar is null || reasoning is null || context.HasErrors) return null;

        var outcome = eligible.Value ? "eligible" : "not-eligible";
        var narrative = new Narrative().Title($"Programme eligibility: {ClinicConcepts.Display(outcome)} ({assessedOn})")
            .Row("Ventilator dependent", ventilator.Value ? "yes" : "no")
            .Row("Severe bulbar involvement", bulbar.Value ? "yes" : "no")
            .Paragraph(reasoning);
        var draft = ObservationDrafts.Start(context, context.FromRecord(ClinicIg.Systems.Result, "eligibility"), "msc-eligibility", narrative, null, null,
            ClinicConcepts.Concept("msc-eligibility"), assessedOn);
        draft["valueCodeableConcept"] = ClinicConcepts.Concept(outcome);
        draft["note"] = FhirNodes.Array(FhirNodes.Annotation(reasoning));
        draft["component"] = FhirNodes.Array(
            new JsonObject { ["code"] = FhirNodes.Concept(ClinicIg.Standard.Snomed, "444932008", null, "Dependence on ventilator"), ["valueBoolean"] = ventilator.Value },
            new JsonObject { ["code"] = ClinicConcepts.Concept("severe-bulbar-involvement"), ["valueBoolean"] = bulbar.Value });
        return draft;
    }

    public static ResourceDraft? SafetyReview(MappingContext context, RecordFields plan)
    {
        var s = plan.Object("safetyReview", false);
        if (s is null) return null;
        var id = s.String("id", true);
        var reviewedAt = s.DateTime("reviewedAt", true);
        var outcome = s.Code("outcome", true, ReviewOutcomes);
        var rationale = s.String("rationale", true);
        var reviewers = s.Objects("reviewers", true, minItems: 1)
            .Select(f => (Id: f.String("id", true), Name: f.String("name", true, isName: true))).ToList();
        if (id is null || reviewedAt is null || outcome is null || rationale is null || reviewers.Count == 0 || context.HasErrors) return null;

        var narrative = new Narrative().Title($"Intrathecal safety review {id}: {ClinicConcepts.Display(outcome)}")
            .Row("Reviewed", reviewedAt.Value.Text)
            .Row("Reviewers", string.Join(", ", reviewers.Select(x => x.Name)))
            .Paragraph(rationale);
        var performers = FhirNodes.Array(reviewers.Select(x => (JsonNode)Parties.Practitioner(x.Id!, x.Name!)));
        var draft = ObservationDrafts.Start(context, SafetyReviewKey(id).Identifier, "intrathecal-safety-review", narrative, null, null,
            ClinicConcepts.Concept("intrathecal-safety-review"), reviewedAt.Value.Text, performers);
        draft["valueCodeableConcept"] = ClinicConcepts.Concept(outcome);
        draft["note"] = FhirNodes.Array(FhirNodes.Annotation(rationale));
        return draft;
    }

    public static ResourceKey SafetyReviewKey(string reviewId) => new("Observation", new BusinessIdentifier(ClinicIg.Systems.SafetyReview, reviewId));

    public static List<ResourceDraft> Goals(MappingContext context, RecordFields plan, string planId, ResourceKey? condition)
    {
        var goals = new List<ResourceDraft>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in plan.Objects("goals", true, minItems: 1))
        {
            var key = g.String("key", true);
            var category = g.Code("category", true, ["slope-of-decline", "inflammatory-markers", "quality-of-life"]);
            var text = g.String("description", true);
            if (key is not null && !keys.Add(key)) plan.Report(IssueCatalogue.RecordDuplicateEntry, "goals", plan.PathOf("goals"), key);
            if (key is null || category is null || text is null || context.HasErrors) continue;

            var draft = context.Add(new ResourceDraft(new ResourceKey("Goal", new BusinessIdentifier(ClinicIg.Systems.Goal, $"{planId}.{key}")), "programme-goal"));
            draft.Narrate(new Narrative().Title($"Goal: {ClinicConcepts.Display(category)}").Paragraph(text));
            draft["identifier"] = FhirNodes.Array(FhirNodes.Identifier(draft.Key.Identifier));
            draft["lifecycleStatus"] = "active";
            draft["description"] = ClinicConcepts.Concept(category, text);
            draft["subject"] = context.PatientReference();
            if (condition is { } c) draft["addresses"] = FhirNodes.Array(FhirNodes.Reference(c));
            goals.Add(draft);
        }
        return goals;
    }

    public static List<ResourceDraft> CareTeams(MappingContext context, RecordFields plan)
    {
        var teams = new List<ResourceDraft>();
        foreach (var t in plan.Objects("careTeams", true, minItems: 1))
        {
            var id = t.String("id", true);
            var name = t.String("name", true);
            var org = Parties.Read(t, "organization", true);
            var members = t.Objects("members", true, minItems: 1)
                .Select(m => (Id: m.String("id", true), Name: m.String("name", true, isName: true), Role: m.String("role", true))).ToList();
            if (id is null || name is null || org is null || members.Exists(m => m.Id is null || m.Name is null || m.Role is null) || context.HasErrors) continue;

            var draft = context.Add(new ResourceDraft(new ResourceKey("CareTeam", new BusinessIdentifier(ClinicIg.Systems.CareTeam, id)), "clinic-care-team"));
            var narrative = new Narrative().Title($"{name} ({org.Value.Name})");
            foreach (var m in members) narrative.Row(m.Role!, m.Name);
            draft.Narrate(narrative);
            draft["identifier"] = FhirNodes.Array(FhirNodes.Identifier(draft.Key.Identifier));
            draft["status"] = "active";
            draft["name"] = name;
            draft["subject"] = context.PatientReference();
            var orgRef = Parties.Organization(org.Value.Id, org.Value.Name);
            // Members are contained Practitioners so that each participant's member resolves (ctm-1 asks what it is).
            draft["participant"] = FhirNodes.Array(members.Select((m, i) => (JsonNode)new JsonObject
            {
                ["role"] = FhirNodes.Array(FhirNodes.TextConcept(m.Role!)),
                ["member"] = Parties.Practitioner(draft.Contain(Parties.ContainedPractitioner($"member-{i + 1}", m.Id!, m.Name!)), m.Id!, m.Name!),
                ["onBehalfOf"] = orgRef.DeepClone(),
            }));
            draft["managingOrganization"] = FhirNodes.Array(orgRef);
            teams.Add(draft);
        }
        return teams;
    }
}
