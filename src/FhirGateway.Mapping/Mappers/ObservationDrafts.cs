using System.Text.Json.Nodes;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Mappers.Tables;

namespace FhirGateway.Mapping.Mappers;

/// <summary>The parts every mapped Observation shares, written in definition order up to <c>performer</c>.</summary>
internal static class ObservationDrafts
{
    /// <summary>
    /// Starts an Observation: narrative, optional milestone extension, identifier, status, category, code, subject,
    /// focus, effective, issued and performer. The caller adds the value and what follows it.
    /// </summary>
    public static ResourceDraft Start(MappingContext context, BusinessIdentifier identifier, string profileId, Narrative narrative,
        string? milestone, string? category, JsonObject code, string effective, JsonArray? performer = null, JsonObject? focus = null)
    {
        var draft = new ResourceDraft(new ResourceKey("Observation", identifier), profileId);
        draft.Narrate(narrative);
        if (milestone is not null) draft["extension"] = FhirNodes.Array(Milestones.Extension(milestone));
        draft["identifier"] = FhirNodes.Array(FhirNodes.Identifier(identifier));
        draft["status"] = context.ResultStatus;
        if (category is not null) draft["category"] = FhirNodes.Array(FhirNodes.Concept(ClinicIg.Standard.ObservationCategory, category));
        draft["code"] = code;
        draft["subject"] = context.PatientReference();
        if (focus is not null) draft["focus"] = FhirNodes.Array(focus);
        draft["effectiveDateTime"] = effective;
        draft["issued"] = context.RecordedAt.Text;
        var performers = performer ?? context.RecordedByArray();
        if (performers.Count > 0) draft["performer"] = performers;
        return context.Add(draft);
    }
}
