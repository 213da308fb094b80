using System.Text.Json.Nodes;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Mapping.Bundles;

/// <summary>
/// Writes one transaction of a split delivery as an exchange-bundle: the chosen entries, with every reference to an
/// entry of an earlier transaction replaced by what the caller resolved it to (the partner's <c>Type/id</c> learned
/// from the earlier answer, or a conditional reference <c>Type?identifier=…</c> where the partner resolves those), and a
/// reference to an entry sent later made logical (its identifier), so no transaction names an entry it does not carry.
/// </summary>
public static class TransactionChunkWriter
{
    public static ReadOnlyMemory<byte> Write(IEnumerable<JsonObject> entries, Func<string, string?> resolve)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(resolve);
        var copies = entries.Select(e => (JsonObject)e.DeepClone()).ToList();
        var carried = copies.Select(e => (string?)e["fullUrl"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var entry in copies) Rewrite(entry["resource"], carried, resolve);
        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["meta"] = new JsonObject { ["profile"] = FhirNodes.Array(JsonValue.Create(ClinicIg.Profile("exchange-bundle"))) },
            ["type"] = "transaction",
            ["entry"] = new JsonArray(copies.Select(e => (JsonNode)e).ToArray()),
        };
        return FhirNodes.ToUtf8(bundle);
    }

    private static void Rewrite(JsonNode? node, HashSet<string> carried, Func<string, string?> resolve)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["reference"] is JsonValue value && value.TryGetValue<string>(out var reference)
                    && reference.StartsWith(TransactionChunks.UrnPrefix, StringComparison.Ordinal) && !carried.Contains(reference))
                {
                    if (resolve(reference) is { } resolved) obj["reference"] = resolved;
                    else if (obj["identifier"] is not null) obj.Remove("reference");
                }
                foreach (var property in obj.ToList()) Rewrite(property.Value, carried, resolve);
                break;
            case JsonArray array:
                foreach (var item in array) Rewrite(item, carried, resolve);
                break;
        }
    }
}
