using System.Text.Json.Nodes;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Runtime.Tests.Partners;

/// <summary>Reads what a FHIR server holds, over its REST API: every resource of a type, and the duplicates among them.</summary>
public sealed class PartnerContents(Uri baseUrl)
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl };

    /// <summary>Every resource of a type (following the search's next links).</summary>
    public async Task<IReadOnlyList<JsonObject>> AllAsync(string type)
    {
        var found = new List<JsonObject>();
        string? next = $"{type}?_count=1000";
        while (next is not null)
        {
            var page = JsonNode.Parse(await _http.GetStringAsync(next))!.AsObject();
            found.AddRange((page["entry"] as JsonArray ?? []).Select(e => e!["resource"]).OfType<JsonObject>());
            next = (page["link"] as JsonArray ?? []).OfType<JsonObject>().Where(l => (string?)l["relation"] == "next").Select(l => (string?)l["url"]).FirstOrDefault();
        }
        return found;
    }

    /// <summary>How many resources of each type are held.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(IEnumerable<string> types)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var type in types) counts[type] = (await AllAsync(type)).Count;
        return counts;
    }

    /// <summary>
    /// Per type, the business identities held more than once: a resource's identity is its first identifier
    /// (<c>system|value</c>), else its record-key tag (Provenance).
    /// </summary>
    public async Task<IReadOnlyList<string>> DuplicatesAsync(IEnumerable<string> types)
    {
        var duplicates = new List<string>();
        foreach (var type in types)
            duplicates.AddRange((await AllAsync(type)).GroupBy(Identity).Where(g => g.Count() > 1).Select(g => $"{type} {g.Key} x{g.Count()}"));
        return duplicates;
    }

    /// <summary>The resource at a literal reference (<c>Type/id</c>), or null when the server has none.</summary>
    public async Task<JsonObject?> ReadAsync(string reference)
    {
        using var response = await _http.GetAsync(reference);
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject : null;
    }

    public static string Identity(JsonObject resource)
    {
        if (resource["identifier"] is JsonArray { Count: > 0 } ids && ids[0] is JsonObject first) return $"{first["system"]}|{first["value"]}";
        var tag = (resource["meta"]?["tag"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(t => (string?)t["system"] == ClinicIg.Systems.RecordKey);
        return tag is null ? "(no identity) " + resource["id"] : $"tag {tag["code"]}";
    }
}
