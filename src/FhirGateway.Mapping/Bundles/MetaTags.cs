using System.Text.Json.Nodes;

namespace FhirGateway.Mapping.Bundles;

/// <summary>Adds and reads <c>meta.tag</c> codings of a resource's JSON.</summary>
public static class MetaTags
{
    /// <summary>Adds the tag unless the resource already carries it.</summary>
    public static void Ensure(JsonObject resource, string system, string code)
    {
        var tags = Tags(resource);
        if (!tags.OfType<JsonObject>().Any(t => (string?)t["system"] == system && (string?)t["code"] == code))
            tags.Add(new JsonObject { ["system"] = system, ["code"] = code });
    }

    /// <summary>Sets the one tag of a system to this code.</summary>
    public static void Replace(JsonObject resource, string system, string code)
    {
        var tags = Tags(resource);
        foreach (var old in tags.OfType<JsonObject>().Where(t => (string?)t["system"] == system).ToList()) tags.Remove(old);
        tags.Add(new JsonObject { ["system"] = system, ["code"] = code });
    }

    /// <summary>The code of the first tag of a system, or null.</summary>
    public static string? Find(JsonObject resource, string system) =>
        resource["meta"] is JsonObject meta && meta["tag"] is JsonArray tags
            ? tags.OfType<JsonObject>().Where(t => (string?)t["system"] == system).Select(t => (string?)t["code"]).FirstOrDefault()
            : null;

    private static JsonArray Tags(JsonObject resource)
    {
        if (resource["meta"] is not JsonObject meta) resource["meta"] = meta = new JsonObject();
        if (meta["tag"] is not JsonArray tags) meta["tag"] = tags = new JsonArray();
        return tags;
    }
}
