using System.Text.Json.Nodes;
using static FhirGateway.Mapping.Tests.RoundTrip.MappedResources;

namespace FhirGateway.Mapping.Tests.RoundTrip;

internal static partial class RecordReverseMapper
{
    /// <summary>The assessment's relapse history, medication review and study summaries.</summary>
    private static void History(MappedResources r, JsonObject o)
    {
        if (r.Maybe("ms-relapse-history") is { } relapses)
        {
            var h = new JsonObject { ["last24Months"] = Num(relapses["valueInteger"]) };
            if (relapses["component"] is JsonArray c) h["lastOnset"] = Str(c[0]!["valueDateTime"]);
            o["relapses"] = h;
        }
        var medications = r.All("medication-review-entry").Select(m =>
        {
            var item = new JsonObject { ["name"] = Str(m["medicationCodeableConcept"]!["text"]) };
            if (m["dosage"] is JsonArray dosage) item["dose"] = Str(dosage[0]!["text"]);
            if (m["effectivePeriod"] is { } period) item["since"] = Str(period["start"]);
            item["diseaseModifying"] = m["category"] is not null;
            return (JsonNode)item;
        }).ToArray();
        if (medications.Length > 0) o["medications"] = new JsonArray(medications);
        var studies = r.All("study-summary").Select(s =>
        {
            var item = new JsonObject
            {
                ["modality"] = Code(s["code"]) == "mri-summary" ? "mri" : "emg",
                ["date"] = Str(s["effectiveDateTime"]),
                ["summary"] = Str(s["conclusion"]),
            };
            if (s["performer"] is JsonArray performer) item["reportedBy"] = Party(performer[0]);
            return (JsonNode)item;
        }).ToArray();
        if (studies.Length > 0) o["studies"] = new JsonArray(studies);
    }
}
