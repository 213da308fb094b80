using System.Text.Json;

namespace FhirGateway.Runtime.Partners;

/// <summary>What a CapabilityStatement declares for one resource type.</summary>
public sealed record ResourceCapability(string Type, IReadOnlySet<string> Interactions, bool ConditionalCreate, bool ConditionalUpdate, bool UpdateCreate,
    IReadOnlySet<string> SearchParameters);

/// <summary>
/// The parts of a partner's CapabilityStatement the gateway acts on: FHIR version, JSON, the system interactions
/// (transaction, batch) and, per resource type of the server <c>rest</c>, its interactions, conditional create/update,
/// update-as-create and search parameters. Read leniently: what is absent is simply not declared.
/// </summary>
public sealed record CapabilityStatementInfo(bool IsCapabilityStatement, string? FhirVersion, bool Json, IReadOnlySet<string> SystemInteractions,
    IReadOnlyDictionary<string, ResourceCapability> Resources)
{
    public static CapabilityStatementInfo Read(JsonElement cs)
    {
        var server = Array(cs, "rest").FirstOrDefault(r => Text(r, "mode") == "server");
        var resources = new Dictionary<string, ResourceCapability>(StringComparer.Ordinal);
        foreach (var r in Array(server, "resource"))
        {
            if (Text(r, "type") is not { } type || resources.ContainsKey(type)) continue;
            resources[type] = new ResourceCapability(type,
                Codes(Array(r, "interaction"), "code"), Flag(r, "conditionalCreate"), Flag(r, "conditionalUpdate"), Flag(r, "updateCreate"),
                Codes(Array(r, "searchParam"), "name"));
        }
        return new CapabilityStatementInfo(
            Text(cs, "resourceType") == "CapabilityStatement",
            Text(cs, "fhirVersion"),
            Array(cs, "format").Any(f => f.ValueKind == JsonValueKind.String && f.GetString()!.Contains("json", StringComparison.OrdinalIgnoreCase)),
            Codes(Array(server, "interaction"), "code"),
            resources);
    }

    /// <summary>Search parameters by type, for the types that list any.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> SearchParametersByType() =>
        Resources.Values.Where(r => r.SearchParameters.Count > 0).ToDictionary(r => r.Type, r => r.SearchParameters, StringComparer.Ordinal);

    private static HashSet<string> Codes(IEnumerable<JsonElement> items, string name) =>
        items.Select(i => Text(i, name)).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];
}
