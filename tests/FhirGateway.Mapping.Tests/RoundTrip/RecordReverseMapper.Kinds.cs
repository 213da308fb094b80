using System.Text.Json.Nodes;
using static FhirGateway.Mapping.Tests.RoundTrip.MappedResources;

namespace FhirGateway.Mapping.Tests.RoundTrip;

internal static partial class RecordReverseMapper
{
    private static JsonObject Product(MappedResources r)
    {
        var p = r.One("msc-product");
        var viability = r.One("msc-viability");
        return new JsonObject
        {
            ["product"] = new JsonObject
            {
                ["lot"] = Str(p["identifier"]![0]!["value"]),
                ["manufacturedOn"] = Str(p["processing"]![0]!["timeDateTime"]),
                ["expiresOn"] = Str(p["storage"]![0]!["duration"]!["end"]),
                ["bags"] = Num(p["quantity"]),
                ["storageTemperatureC"] = Num(p["storage"]![0]!["temperature"]),
                ["processing"] = Str(p["processing"]![0]!["description"]),
            },
            ["release"] = new JsonObject
            {
                ["testedAt"] = Str(viability["effectiveDateTime"]),
                ["viabilityPercent"] = Num(viability["valueQuantity"]!["value"]),
                ["identityPercent"] = Num(r.One("msc-identity")["valueQuantity"]!["value"]),
            },
        };
    }

    private static JsonObject Infusion(MappedResources r)
    {
        var p = r.One("msc-infusion");
        var o = new JsonObject();
        if (p["basedOn"] is JsonArray basedOn) o["planId"] = Str(basedOn[0]!["identifier"]!["value"]);
        if (Extension(p, "infusion-number") is { } number) o["number"] = Num(number["valuePositiveInt"]);
        if (p["performedPeriod"] is { } period)
        {
            o["performedAt"] = Str(period["start"]);
            o["endedAt"] = Str(period["end"]);
        }
        else o["performedAt"] = Str(p["performedDateTime"]);
        o["route"] = Code(Extension(p, "administration-route")!["valueCodeableConcept"]) == "72607000" ? "intrathecal" : "intravenous";
        o["productLot"] = Str(Extension(p, "infused-product")!["valueReference"]!["identifier"]!["value"]);
        o["doseMillionCellsPerKg"] = Num(Extension(p, "msc-dose")!["valueQuantity"]!["value"]);
        o["status"] = Str(p["status"]);
        if (Extension(p, "safety-review") is { } review) o["safetyReviewId"] = Str(review["valueReference"]!["identifier"]!["value"]);
        if (Extension(p, "safety-review-outcome") is { } outcome) o["safetyReviewOutcome"] = Code(outcome["valueCodeableConcept"]);
        o["performer"] = Party(p["performer"]![0]!["actor"]);
        if (p["note"] is JsonArray note) o["note"] = Str(note[0]!["text"]);
        AdverseEvents(r, o);
        return o;
    }

    private static JsonObject CarePlan(MappedResources r)
    {
        var cp = r.One("programme-care-plan");
        var planId = Str(cp["identifier"]![0]!["value"]);
        var plan = new JsonObject { ["id"] = planId, ["status"] = Str(cp["status"]), ["title"] = Str(cp["title"]) };
        if (cp["description"] is { } description) plan["description"] = Str(description);
        plan["period"] = cp["period"]!.DeepClone();
        var condition = Str(cp["addresses"]![0]!["identifier"]!["value"]);
        plan["diagnosis"] = condition[(condition.LastIndexOf('.') + 1)..];
        if (cp["note"] is JsonArray note) plan["note"] = Str(note[0]!["text"]);
        var e = r.One("msc-eligibility");
        plan["eligibility"] = new JsonObject
        {
            ["assessedOn"] = Str(e["effectiveDateTime"]),
            ["eligible"] = Code(e["valueCodeableConcept"]) == "eligible",
            ["ventilatorDependent"] = e["component"]![0]!["valueBoolean"]!.GetValue<bool>(),
            ["severeBulbarInvolvement"] = e["component"]![1]!["valueBoolean"]!.GetValue<bool>(),
            ["reasoning"] = Str(e["note"]![0]!["text"]),
        };
        if (r.Maybe("intrathecal-safety-review") is { } s)
            plan["safetyReview"] = new JsonObject
            {
                ["id"] = Str(s["identifier"]![0]!["value"]),
                ["reviewedAt"] = Str(s["effectiveDateTime"]),
                ["outcome"] = Code(s["valueCodeableConcept"]),
                ["rationale"] = Str(s["note"]![0]!["text"]),
                ["reviewers"] = new JsonArray(((JsonArray)s["performer"]!).Select(p => (JsonNode)Party(p)).ToArray()),
            };
        var series = new JsonArray();
        var milestones = new JsonArray();
        foreach (var activity in (JsonArray)cp["activity"]!)
        {
            var d = activity!["detail"]!;
            if (Code(d["code"]) == "msc-infusion")
            {
                var repeat = d["scheduledTiming"]!["repeat"]!;
                series.Add(new JsonObject
                {
                    ["route"] = Code(Extension(d, "administration-route")!["valueCodeableConcept"]) == "72607000" ? "intrathecal" : "intravenous",
                    ["count"] = Num(repeat["count"]),
                    ["everyWeeks"] = Num(repeat["period"]),
                    ["start"] = Str(repeat["boundsPeriod"]!["start"]),
                    ["end"] = Str(repeat["boundsPeriod"]!["end"]),
                    ["doseMillionCellsPerKg"] = Num(Extension(d, "msc-dose")!["valueQuantity"]!["value"]),
                    ["status"] = Str(d["status"]),
                });
            }
            else
            {
                milestones.Add(new JsonObject
                {
                    ["milestone"] = Code(d["code"]),
                    ["start"] = Str(d["scheduledPeriod"]!["start"]),
                    ["end"] = Str(d["scheduledPeriod"]!["end"]),
                    ["status"] = Str(d["status"]),
                });
            }
        }
        plan["infusionSeries"] = series;
        plan["milestones"] = milestones;
        plan["goals"] = new JsonArray(r.All("programme-goal").Select(g => (JsonNode)new JsonObject
        {
            ["key"] = Str(g["identifier"]![0]!["value"])[(planId.Length + 1)..],
            ["category"] = Code(g["description"]),
            ["description"] = Str(g["description"]!["text"]),
        }).ToArray());
        plan["careTeams"] = new JsonArray(r.All("clinic-care-team").Select(t => (JsonNode)new JsonObject
        {
            ["id"] = Str(t["identifier"]![0]!["value"]),
            ["name"] = Str(t["name"]),
            ["organization"] = Party(t["managingOrganization"]![0]),
            ["members"] = new JsonArray(((JsonArray)t["participant"]!).Select(p => (JsonNode)new JsonObject
            {
                ["id"] = Str(p!["member"]!["identifier"]!["value"]),
                ["name"] = Str(p["member"]!["display"]),
                ["role"] = Str(p["role"]![0]!["text"]),
            }).ToArray()),
        }).ToArray());
        return new JsonObject { ["plan"] = plan };
    }

    private static JsonObject Consent(MappedResources r)
    {
        var c = r.One("share-consent");
        return new JsonObject
        {
            ["consentId"] = Str(c["identifier"]![0]!["value"]),
            ["status"] = Str(c["status"]),
            ["decidedAt"] = Str(c["dateTime"]),
            ["period"] = c["provision"]!["period"]!.DeepClone(),
            ["partner"] = Party(c["provision"]!["actor"]![0]!["reference"]),
        };
    }
}
