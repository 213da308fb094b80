using System.Globalization;
using System.Text.Json.Nodes;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Runtime.Pipeline;

/// <summary>What an msc-infusion Procedure states that other records must agree with, read from its JSON.</summary>
internal sealed record InfusionFacts(string Path, BusinessIdentifier Lot, BusinessIdentifier? Plan, BusinessIdentifier? Review, string RouteCode,
    decimal Dose, int? Number, DateTimeOffset? PerformedAt)
{
    public const string IntrathecalCode = "72607000";

    public static InfusionFacts? Read(MappedResource resource)
    {
        var json = JsonNode.Parse(resource.Json.Span)!.AsObject();
        JsonObject? Ext(string id) => (json["extension"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(e => e["url"]?.GetValue<string>() == ClinicIg.Extension(id));
        static BusinessIdentifier? Id(JsonNode? reference) =>
            reference?["identifier"] is JsonObject i && i["system"]?.GetValue<string>() is { } s && i["value"]?.GetValue<string>() is { } v ? new BusinessIdentifier(s, v) : null;
        if (Id(Ext("infused-product")?["valueReference"]) is not { } lot) return null;
        var dose = Ext("msc-dose")?["valueQuantity"]?["value"]?.GetValue<decimal>() ?? 0m;
        var route = Ext("administration-route")?["valueCodeableConcept"]?["coding"]?[0]?["code"]?.GetValue<string>() ?? "";
        var number = Ext("infusion-number")?["valuePositiveInt"]?.GetValue<int>();
        var when = json["performedDateTime"]?.GetValue<string>() ?? json["performedPeriod"]?["start"]?.GetValue<string>();
        DateTimeOffset? at = when is not null && DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
        return new InfusionFacts($"{resource.ResourceType}/{resource.Id}", lot, Id((json["basedOn"] as JsonArray)?.FirstOrDefault()),
            Id(Ext("safety-review")?["valueReference"]), route, dose, number, at);
    }
}
