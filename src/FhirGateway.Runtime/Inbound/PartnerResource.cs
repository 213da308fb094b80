using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace FhirGateway.Runtime.Inbound;

/// <summary>
/// A resource as a partner gave it: its exact JSON and what identifies the version (resourceType, id,
/// meta.versionId, meta.lastUpdated). A missing version id is replaced by one derived from lastUpdated, else from
/// the content, so a repeat is still recognised.
/// </summary>
public sealed record PartnerResource(string ResourceType, string Id, string VersionId, bool VersionGiven, DateTimeOffset? LastUpdated, ReadOnlyMemory<byte> Json)
{
    public string Location => $"{ResourceType}/{Id}/_history/{VersionId}";

    /// <summary>Reads one resource (a JSON object); null when it is not an object with a resourceType.</summary>
    public static PartnerResource? From(JsonElement resource)
    {
        if (resource.ValueKind != JsonValueKind.Object || Text(resource, "resourceType") is not { Length: > 0 } type) return null;
        var json = System.Text.Encoding.UTF8.GetBytes(resource.GetRawText());
        var hash = Convert.ToHexStringLower(SHA256.HashData(json))[..16];
        var id = Text(resource, "id") is { } given && ResourceLocation.IsId(given) ? given : "sha-" + hash;
        var meta = resource.TryGetProperty("meta", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        DateTimeOffset? lastUpdated = meta.ValueKind == JsonValueKind.Object && Text(meta, "lastUpdated") is { } lu
            && DateTimeOffset.TryParse(lu, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.ToUniversalTime() : null;
        var version = meta.ValueKind == JsonValueKind.Object ? Text(meta, "versionId") : null;
        if (version is not null && ResourceLocation.IsId(version)) return new PartnerResource(type, id, version, true, lastUpdated, json);
        var derived = lastUpdated is { } at ? "lu-" + at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : "sha-" + hash;
        return new PartnerResource(type, id, derived, false, lastUpdated, json);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
