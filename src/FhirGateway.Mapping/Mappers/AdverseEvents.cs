using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Mappers.Tables;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Mappers;

/// <summary>What a record says about one adverse event: what, when it began, its grading and outcome.</summary>
internal sealed record AdverseEventFacts(string Description, RecordDateTime Onset, string Seriousness, string Severity, string Outcome);

/// <summary>
/// Adverse events as msc-adverse-event AdverseEvents (actuality actual): the description as the event's text, the
/// onset as date and detected, the record's time as recordedDate, the R4 seriousness, severity and outcome, the
/// recorder, and one suspect entity: the infusion Procedure, with the product lot it gave (suspected-product; R4
/// suspectEntity.instance cannot reference a BiologicallyDerivedProduct). Shared by the infusion and adverse-event kinds.
/// </summary>
internal static class AdverseEvents
{
    /// <summary>The event an object of the record states (an infusion's <c>adverseEvents[n]</c>, an adverse-event record's <c>event</c>); null when it is incomplete.</summary>
    public static AdverseEventFacts? Read(RecordFields e)
    {
        var description = e.String("description", true);
        var onset = e.DateTime("onset", true);
        var seriousness = e.Code("seriousness", true, AdverseEventCodes.SeriousnessValues);
        var severity = e.Code("severity", true, AdverseEventCodes.SeverityValues);
        var outcome = e.Code("outcome", true, AdverseEventCodes.OutcomeValues);
        return description is null || onset is null || seriousness is null || severity is null || outcome is null
            ? null : new AdverseEventFacts(description, onset.Value, seriousness, severity, outcome);
    }

    /// <summary>An onset before the infusion it is suspected to come from is refused: the infusion cannot have caused it.</summary>
    public static void CheckAfter(RecordFields e, AdverseEventFacts facts, RecordDateTime infusionStart)
    {
        if (facts.Onset.Value < infusionStart.Value)
            e.Report(IssueCatalogue.RecordInconsistent, "onset", e.PathOf("onset"), $"is before the infusion it follows ({infusionStart.Text})");
    }

    public static void Add(MappingContext context, string part, AdverseEventFacts facts, ResourceKey infusion, string lot)
    {
        var key = new ResourceKey("AdverseEvent", context.FromRecord(ClinicIg.Systems.AdverseEvent, part));
        var draft = context.Add(new ResourceDraft(key, "msc-adverse-event"));
        draft.Narrate(new Narrative().Title($"Adverse event after an MSC infusion: {AdverseEventCodes.Describe(facts.Seriousness, facts.Severity, facts.Outcome)}")
            .Row("What", facts.Description)
            .Row("Began", facts.Onset.Text)
            .Row("Suspected", $"MSC infusion {infusion.Identifier.Value}, lot {lot}")
            .Row("Recorded by", context.RecordedByName));
        draft["identifier"] = FhirNodes.Identifier(key.Identifier);
        draft["actuality"] = "actual";
        draft["event"] = FhirNodes.TextConcept(facts.Description);
        draft["subject"] = context.PatientReference();
        draft["date"] = facts.Onset.Text;
        draft["detected"] = facts.Onset.Text;
        draft["recordedDate"] = context.RecordedAt.Text;
        draft["seriousness"] = AdverseEventCodes.SeriousnessConcept(facts.Seriousness);
        draft["severity"] = AdverseEventCodes.SeverityConcept(facts.Severity);
        draft["outcome"] = AdverseEventCodes.OutcomeConcept(facts.Outcome);
        if (context.RecordedBy is not null) draft["recorder"] = context.RecordedBy.DeepClone();
        draft["suspectEntity"] = FhirNodes.Array(new JsonObject
        {
            ["extension"] = FhirNodes.Array(FhirNodes.Extension(ClinicIg.Extension("suspected-product"), "valueReference",
                FhirNodes.Reference(ProductReleaseMapper.KeyFor(lot), $"MSC lot {lot}"))),
            ["instance"] = FhirNodes.Reference(infusion, "MSC infusion"),
        });
    }
}
