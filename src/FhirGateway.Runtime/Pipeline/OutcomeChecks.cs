using System.Globalization;
using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Mappers;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Pipeline;

/// <summary>
/// The cross-record checks of what a record states about other records beyond its infusions: an adverse event's
/// suspected infusion and lot were routed (the infusion gave that lot and began before the event); a follow-up's baseline was routed, and
/// the ALSFRS-R slope follows from the routed baseline. Thread-safe.
/// </summary>
internal sealed class OutcomeChecks(IStoredResourceReader reader)
{
    public async Task CheckAsync(MappedRecord record, List<Issue> issues, CancellationToken cancellationToken)
    {
        foreach (var resource in record.Resources)
        {
            var json = Json(resource.Json);
            var path = $"{resource.ResourceType}/{resource.Id}";
            if (resource.Profile == ClinicIg.Profile("msc-adverse-event")) await SuspectAsync(record, json, path, issues, cancellationToken);
            else if (resource.Profile == ClinicIg.Profile("alsfrs-r-slope")) await SlopeAsync(record, json, path, issues, cancellationToken);
            else if (CrossRecordChecks.Extension(json, "compared-with-baseline") is { } link && Identifier(link["valueReference"]) is { } baseline
                && await reader.FindRecordWithAsync("Observation", baseline, cancellationToken) is null)
                issues.Add(IssueCatalogue.CrossBaselineUnknown.At(path, baseline.Value));
        }
    }

    private async Task SuspectAsync(MappedRecord record, JsonObject json, string path, List<Issue> issues, CancellationToken cancellationToken)
    {
        var suspect = json["suspectEntity"]?[0] as JsonObject;
        if (Identifier(CrossRecordChecks.Extension(suspect, "suspected-product")?["valueReference"]) is not { } lot
            || Identifier(suspect?["instance"]) is not { } infusionId) return;
        // An infusion record's own events suspect that infusion: its lot is checked with it.
        if (record.Resources.Any(r => r.ResourceType == "Procedure" && r.Identifier == infusionId)) return;
        var infusion = await reader.FindRecordWithAsync("Procedure", infusionId, cancellationToken);
        var procedure = infusion?.Resources.FirstOrDefault(r => r.ResourceType == "Procedure") is { } p ? Json(p.Json) : null;
        var given = Identifier(CrossRecordChecks.Extension(procedure, "infused-product")?["valueReference"])?.Value;
        var started = procedure?["performedDateTime"] ?? procedure?["performedPeriod"]?["start"];
        if (Time(json["date"]) is { } onset && Time(started) is { } start && onset < start)
            issues.Add(IssueCatalogue.CrossSuspectBeforeInfusion.At(path, json["date"]!.GetValue<string>(), infusionId.Value, infusion!.RecordKey, started!.GetValue<string>()));
        if (await reader.FindRecordWithAsync("BiologicallyDerivedProduct", lot, cancellationToken) is null)
            issues.Add(IssueCatalogue.CrossSuspectLotUnknown.At(path, lot.Value,
                infusion is null ? $"nor has the suspected infusion {infusionId.Value}" : $"the suspected infusion, {infusion.RecordKey}, gave lot {given ?? "none"}"));
        if (infusion is null) issues.Add(IssueCatalogue.CrossSuspectInfusionUnknown.At(path, infusionId.Value));
        else if (given is not null && given != lot.Value) issues.Add(IssueCatalogue.CrossSuspectLotMismatch.At(path, lot.Value, infusionId.Value, infusion.RecordKey, given));
    }

    private async Task SlopeAsync(MappedRecord record, JsonObject slope, string path, List<Issue> issues, CancellationToken cancellationToken)
    {
        var sources = (slope["derivedFrom"] as JsonArray ?? []).Select(Identifier).OfType<BusinessIdentifier>().ToList();
        var own = sources.FirstOrDefault(s => record.Resources.Any(r => r.Identifier == s));
        var baselineId = sources.FirstOrDefault(s => s != own);
        if (baselineId == default || own == default) return;
        var stored = await reader.FindRecordWithAsync("Observation", baselineId, cancellationToken);
        if (stored?.Resources.FirstOrDefault(r => r.Profile == ClinicIg.Profile("alsfrs-r")) is not { } baselineResource)
        {
            issues.Add(IssueCatalogue.CrossBaselineUnknown.At(path, baselineId.Value));
            return;
        }
        var baseline = Json(baselineResource.Json);
        var milestone = Json(record.Resources.First(r => r.Identifier == own).Json);
        if (Time(baseline["effectiveDateTime"]) is not { } baselineAt || baseline["valueInteger"]?.GetValue<int>() is not { } baselineTotal
            || Time(milestone["effectiveDateTime"]) is not { } at || milestone["valueInteger"]?.GetValue<int>() is not { } total) return;
        var expected = AlsfrsSlope.PerMonth(baselineTotal, baselineAt, total, at);
        var stated = slope["valueQuantity"]?["value"]?.GetValue<decimal>();
        var statedStart = Time(slope["effectivePeriod"]?["start"]);
        if (stated != expected || statedStart != baselineAt)
            issues.Add(IssueCatalogue.CrossBaselineMismatch.At(path, Show(stated), baselineId.Value, stored.RecordKey,
                $"the routed baseline is {baselineTotal}/48 at {baseline["effectiveDateTime"]}, which gives {Show(expected)} points per month"));
    }

    private static JsonObject Json(ReadOnlyMemory<byte> json) => JsonNode.Parse(json.Span)!.AsObject();

    private static BusinessIdentifier? Identifier(JsonNode? reference) =>
        reference?["identifier"] is JsonObject i && i["system"]?.GetValue<string>() is { } s && i["value"]?.GetValue<string>() is { } v ? new BusinessIdentifier(s, v) : null;

    private static DateTimeOffset? Time(JsonNode? node) =>
        node?.GetValue<string>() is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    private static string Show(decimal? d) => d is null ? "none" : d.Value.ToString("0.00", CultureInfo.InvariantCulture);
}
