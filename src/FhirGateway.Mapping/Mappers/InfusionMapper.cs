using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Mappers.Tables;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// One MSC infusion as an msc-infusion Procedure: route, product lot, dose in 10^6 cells/kg, number in the series,
/// when, status, the care plan it belongs to and, for intrathecal delivery, the recorded safety review and its outcome
/// (required, and only an approved review allows it); and the adverse events seen after it (<see cref="AdverseEvents"/>).
/// </summary>
internal sealed class InfusionMapper : IKindMapper
{
    private static readonly string[] Statuses = ["completed", "stopped", "in-progress"];
    private static readonly string[] ReviewOutcomes = ["approved", "not-approved"];

    public string Kind => RecordKinds.Infusion;

    /// <summary>The msc-infusion Procedure of an infusion record.</summary>
    public static ResourceKey KeyFor(string recordId) => new("Procedure", new BusinessIdentifier(ClinicIg.Systems.Infusion, recordId));

    public void Map(MappingContext context)
    {
        var r = context.Record;
        var planId = r.String("planId", false);
        var number = r.Integer("number", false, 1, 52);
        var performedAt = r.DateTime("performedAt", true);
        var endedAt = r.DateTime("endedAt", false);
        var route = r.Code("route", true, Routes.All);
        var lot = r.String("productLot", true);
        var dose = r.Number("doseMillionCellsPerKg", true, 0m, 20m, minExclusive: true);
        var status = r.Code("status", true, Statuses);
        var reviewId = r.String("safetyReviewId", false);
        var reviewOutcome = r.Code("safetyReviewOutcome", false, ReviewOutcomes);
        var performer = Parties.Read(r, "performer", false);
        var note = r.String("note", false);
        var events = r.Objects("adverseEvents", false, 1).Select(e => (Fields: e, Facts: AdverseEvents.Read(e))).ToList();
        if (performedAt is not null)
            foreach (var (fields, facts) in events)
                if (facts is not null) AdverseEvents.CheckAfter(fields, facts, performedAt.Value);
        if (route == Routes.Intrathecal && reviewId is null && !r.Has("safetyReviewId"))
            context.Issues.Add(IssueCatalogue.RecordSafetyReviewMissing.At("safetyReviewId", "safetyReviewId"));
        else if (route == Routes.Intrathecal && reviewId is not null && reviewOutcome != "approved" && !r.Has("safetyReviewOutcome"))
            context.Issues.Add(IssueCatalogue.RecordMissingField.At("safetyReviewOutcome", "safetyReviewOutcome", "the outcome of the safety review (approved) an intrathecal infusion relies on"));
        else if (route == Routes.Intrathecal && reviewOutcome is not null && reviewOutcome != "approved")
            context.Issues.Add(IssueCatalogue.RecordSafetyReviewNotApproved.At("safetyReviewOutcome", "safetyReviewOutcome", reviewOutcome));
        if (endedAt is not null && performedAt is not null && endedAt.Value.Value < performedAt.Value.Value)
            r.Report(IssueCatalogue.RecordInconsistent, "endedAt", r.PathOf("endedAt"), "is before performedAt");
        if (context.HasErrors || performedAt is null || route is null || lot is null || dose is null || status is null) return;

        var draft = context.Add(new ResourceDraft(KeyFor(context.Envelope.RecordId), "msc-infusion"));
        var who = performer is null ? context.RecordedBy : Parties.Practitioner(performer.Value.Id, performer.Value.Name);
        draft.Narrate(new Narrative().Title($"MSC infusion{(number is null ? "" : $" {number}")} ({route}), {status}")
            .Row("When", endedAt is null ? performedAt.Value.Text : $"{performedAt.Value.Text} to {endedAt.Value.Text}")
            .Row("Product lot", lot)
            .Row("Dose", $"{dose} × 10^6 cells/kg")
            .Row("Safety review", reviewId is null ? null : $"{reviewId}{(reviewOutcome is null ? "" : $" ({ClinicConcepts.Display(reviewOutcome)})")}")
            .Row("Performed by", performer?.Name ?? context.RecordedByName)
            .Row("Note", note));
        var extensions = new JsonArray
        {
            Routes.Extension(route),
            FhirNodes.Extension(ClinicIg.Extension("infused-product"), "valueReference", FhirNodes.Reference(ProductReleaseMapper.KeyFor(lot), $"MSC lot {lot}")),
            Routes.DoseExtension(dose.Value),
        };
        if (number is not null) extensions.Add(FhirNodes.Extension(ClinicIg.Extension("infusion-number"), "valuePositiveInt", number.Value));
        if (reviewId is not null)
            extensions.Add(FhirNodes.Extension(ClinicIg.Extension("safety-review"), "valueReference", FhirNodes.Reference(CarePlanUpdateMapper.SafetyReviewKey(reviewId), "Intrathecal safety review")));
        if (reviewOutcome is not null) extensions.Add(Routes.ReviewOutcomeExtension(reviewOutcome));
        draft["extension"] = extensions;
        draft["identifier"] = FhirNodes.Array(FhirNodes.Identifier(draft.Key.Identifier));
        if (planId is not null) draft["basedOn"] = FhirNodes.Array(FhirNodes.Reference(CarePlanUpdateMapper.KeyFor(planId)));
        draft["status"] = status;
        // The clinic's own code only: SNOMED CT has no concept for an MSC infusion, and its stem cell transplantation
        // concepts read as a haematopoietic transplant in a hospital EHR (profiles/code-notes.md).
        draft["code"] = FhirNodes.Concept([ClinicConcepts.Coding("msc-infusion")], "MSC infusion");
        draft["subject"] = context.PatientReference();
        if (endedAt is null) draft["performedDateTime"] = performedAt.Value.Text;
        else draft["performedPeriod"] = FhirNodes.Period(performedAt.Value.Text, endedAt.Value.Text);
        if (who is not null) draft["performer"] = FhirNodes.Array(new JsonObject { ["actor"] = who.DeepClone() });
        if (note is not null) draft["note"] = FhirNodes.Array(FhirNodes.Annotation(note));
        for (var i = 0; i < events.Count; i++)
            if (events[i].Facts is { } facts) AdverseEvents.Add(context, $"adverse-event-{i + 1}", facts, draft.Key, lot);
    }
}
