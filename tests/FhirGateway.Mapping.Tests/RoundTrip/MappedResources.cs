using System.Text.Json.Nodes;

namespace FhirGateway.Mapping.Tests.RoundTrip;

/// <summary>The resources of a mapped record as JSON trees, found by profile id, with small readers for the reverse mapping.</summary>
internal sealed class MappedResources(MappedRecord record)
{
    private readonly List<(string Profile, JsonObject Json)> _resources =
        record.Resources.Select(r => (r.Profile[(r.Profile.LastIndexOf('/') + 1)..], JsonNode.Parse(r.Json.Span)!.AsObject())).ToList();

    public IEnumerable<JsonObject> All(string profile) => _resources.Where(r => r.Profile == profile).Select(r => r.Json);

    public JsonObject One(string profile) => All(profile).Single();

    public JsonObject? Maybe(string profile) => All(profile).SingleOrDefault();

    /// <summary>The resource a reference names, by its identifier.</summary>
    public JsonObject ByIdentifier(JsonNode reference) =>
        _resources.Select(r => r.Json).Single(r => r["identifier"] is JsonArray ids && ids.Any(i => i!["value"]!.GetValue<string>() == reference["identifier"]!["value"]!.GetValue<string>()));

    public static string Str(JsonNode? node) => node!.GetValue<string>();

    public static JsonNode Num(JsonNode? node) => JsonNode.Parse(node!.ToJsonString())!;

    /// <summary>The code of the first coding of a CodeableConcept.</summary>
    public static string Code(JsonNode? concept) => Str(concept!["coding"]![0]!["code"]);

    public static JsonNode? Extension(JsonNode? element, string id) =>
        (element?["extension"] as JsonArray)?.FirstOrDefault(e => Str(e!["url"]).EndsWith("/" + id, StringComparison.Ordinal));

    /// <summary>A logical reference back to the record's <c>{"id", "name"}</c>.</summary>
    public static JsonObject Party(JsonNode? reference) => new()
    {
        ["id"] = Str(reference!["identifier"]!["value"]),
        ["name"] = Str(reference["display"]),
    };
}
