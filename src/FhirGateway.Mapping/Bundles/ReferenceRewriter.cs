using System.Text.Json.Nodes;

namespace FhirGateway.Mapping.Bundles;

/// <summary>
/// Rewrites the references of a resource for a transaction: <c>Type/id</c> of an entry becomes the entry's
/// <c>urn:uuid</c>; any other <c>Type/id</c> loses its literal part and stays a logical reference (its identifier).
/// </summary>
internal static class ReferenceRewriter
{
    public static void Rewrite(JsonNode? node, IReadOnlyDictionary<string, string> fullUrls)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["reference"] is JsonValue value && value.TryGetValue<string>(out var reference) && IsRelative(reference))
                {
                    if (fullUrls.TryGetValue(reference, out var fullUrl)) obj["reference"] = fullUrl;
                    else if (obj["identifier"] is not null) obj.Remove("reference");
                }
                foreach (var property in obj.ToList()) Rewrite(property.Value, fullUrls);
                break;
            case JsonArray array:
                foreach (var item in array) Rewrite(item, fullUrls);
                break;
        }
    }

    private static bool IsRelative(string reference)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash == reference.LastIndexOf('/') && char.IsAsciiLetterUpper(reference[0]) && !reference.Contains(':', StringComparison.Ordinal);
    }
}
