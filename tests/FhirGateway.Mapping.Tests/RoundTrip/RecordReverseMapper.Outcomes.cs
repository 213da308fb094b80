using System.Globalization;
using System.Text.Json.Nodes;
using static FhirGateway.Mapping.Tests.RoundTrip.MappedResources;

namespace FhirGateway.Mapping.Tests.RoundTrip;

/// <summary>The reverse of the adverse events and of a follow-up's baseline (the link and the ALSFRS-R slope).</summary>
internal static partial class RecordReverseMapper
{
    private static JsonObject AdverseEvent(MappedResources r)
    {
        var e = r.One("msc-adverse-event");
        var suspect = e["suspectEntity"]![0]!;
        return new JsonObject
        {
            ["event"] = Event(e),
            ["suspectedLot"] = Str(Extension(suspect, "suspected-product")!["valueReference"]!["identifier"]!["value"]),
            ["suspectedInfusion"] = Str(suspect["instance"]!["identifier"]!["value"]),
        };
    }

    /// <summary>An infusion's <c>adverseEvents</c>, when it carries any.</summary>
    private static void AdverseEvents(MappedResources r, JsonObject infusion)
    {
        var events = r.All("msc-adverse-event").Select(e => (JsonNode)Event(e)).ToArray();
        if (events.Length > 0) infusion["adverseEvents"] = new JsonArray(events);
    }

    private static JsonObject Event(JsonObject e) => new()
    {
        ["description"] = Str(e["event"]!["text"]),
        ["onset"] = Str(e["date"]),
        ["seriousness"] = Code(e["seriousness"]).ToLowerInvariant(),
        ["severity"] = Code(e["severity"]),
        ["outcome"] = Code(e["outcome"]),
    };

    /// <summary>
    /// A follow-up's <c>baseline</c>: the record from the compared-with-baseline link, its time from the slope's period
    /// and its ALSFRS-R total as the milestone total minus the slope times the months (exact: the slope has two decimals).
    /// </summary>
    private static void Baseline(MappedResources r, JsonObject assessment)
    {
        var link = r.All("alsfrs-r").Concat(r.All("fvc")).Select(o => Extension(o, "compared-with-baseline")).FirstOrDefault(x => x is not null);
        if (link is null) return;
        var id = Str(link["valueReference"]!["identifier"]!["value"]);
        var baseline = new JsonObject { ["recordId"] = id[..id.LastIndexOf('.')] };
        if (r.Maybe("alsfrs-r-slope") is { } slope)
        {
            var from = DateTimeOffset.Parse(Str(slope["effectivePeriod"]!["start"]), CultureInfo.InvariantCulture);
            var to = DateTimeOffset.Parse(Str(slope["effectivePeriod"]!["end"]), CultureInfo.InvariantCulture);
            var months = (decimal)((to - from).TotalDays / 30.4375);
            var total = r.One("alsfrs-r")["valueInteger"]!.GetValue<int>();
            baseline["performedAt"] = Str(slope["effectivePeriod"]!["start"]);
            baseline["alsfrsRTotal"] = total - (int)decimal.Round(slope["valueQuantity"]!["value"]!.GetValue<decimal>() * months, MidpointRounding.AwayFromZero);
        }
        assessment["baseline"] = baseline;
    }
}
