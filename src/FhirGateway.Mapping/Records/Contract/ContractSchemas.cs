using System.Text;
using System.Text.Json.Nodes;
using Json.Schema;

namespace FhirGateway.Mapping.Records.Contract;

/// <summary>
/// The embedded record schemas, built once: the evaluable schema per kind (its <c>$ref</c>s to the envelope resolved
/// through a private registry) and each schema document as JSON, to read the keyword an error comes from.
/// </summary>
internal sealed class ContractSchemas
{
    private ContractSchemas(IReadOnlyDictionary<string, JsonSchema> byKind, IReadOnlyDictionary<string, JsonObject> documents)
    {
        ByKind = byKind;
        Documents = documents;
    }

    public IReadOnlyDictionary<string, JsonSchema> ByKind { get; }

    /// <summary>Each schema document by its <c>$id</c> (without fragment).</summary>
    public IReadOnlyDictionary<string, JsonObject> Documents { get; }

    public static ContractSchemas Load()
    {
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var byKind = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        var documents = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var kind in RecordKinds.All.Prepend(RecordSchemas.Envelope))
        {
            var text = Encoding.UTF8.GetString(RecordSchemas.Get(kind));
            var schema = JsonSchema.FromText(text, build);
            build.SchemaRegistry.Register(schema);
            byKind[kind] = schema;
            var document = JsonNode.Parse(text)!.AsObject();
            documents[document["$id"]!.GetValue<string>()] = document;
        }
        byKind.Remove(RecordSchemas.Envelope);
        return new ContractSchemas(byKind, documents);
    }

    /// <summary>
    /// The schema object at an absolute schema location, the object holding it and the keyword it sits under (its last
    /// segment): an error of a keyword is located at the object carrying the keyword; a failing <c>false</c> schema
    /// (a field a closed object does not know) at the subschema itself, under <c>unevaluatedProperties</c>.
    /// </summary>
    public (JsonObject? Schema, JsonObject? Parent, string Keyword) Locate(Uri? location)
    {
        if (location is null) return (null, null, "");
        var text = location.OriginalString;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var documentId = hash < 0 ? text : text[..hash];
        var pointer = hash < 0 ? "" : Uri.UnescapeDataString(text[(hash + 1)..]);
        if (!Documents.TryGetValue(documentId, out var document)) return (null, null, "");
        JsonNode? node = document, parent = null;
        var last = "";
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace("~1", "/").Replace("~0", "~")))
        {
            var next = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (next is null) break; // JsonSchema.Net names an array's items schema ".../items/<property>": the items schema is meant
            (parent, last, node) = (node, segment, next);
        }
        return (node as JsonObject, parent as JsonObject, last);
    }

    /// <summary>
    /// The subschema that governs an instance location of a record of <paramref name="kind"/>, found by walking the
    /// schema along the path (properties of the object and of what it combines or refers to; items of arrays); null
    /// where the contract has none (a field it does not know).
    /// </summary>
    public JsonObject? At(string kind, IReadOnlyList<string> segments)
    {
        var schema = Documents.Values.FirstOrDefault(d => d["$id"]!.GetValue<string>().EndsWith("/" + kind + ".schema.json", StringComparison.Ordinal));
        foreach (var segment in segments)
        {
            if (schema is null) return null;
            schema = int.TryParse(segment, out _) ? Follow(schema)?["items"] as JsonObject : Property(schema, segment, 0);
        }
        return schema is null ? null : Follow(schema);
    }

    private JsonObject? Follow(JsonObject schema) =>
        schema["$ref"] is JsonValue r && Resolve(r.GetValue<string>()) is { } target ? target : schema;

    private JsonObject? Property(JsonObject schema, string name, int depth)
    {
        if (depth > 8) return null;
        schema = Follow(schema)!;
        if (schema["properties"] is JsonObject properties && properties[name] is JsonObject own) return own;
        foreach (var combinator in new[] { "allOf", "anyOf", "oneOf" })
            if (schema[combinator] is JsonArray parts)
                foreach (var part in parts.OfType<JsonObject>())
                    if (Property(part, name, depth + 1) is { } found) return found;
        return null;
    }

    /// <summary>The field names a schema object allows: its <c>properties</c> and those of the schemas it combines or refers to.</summary>
    public IEnumerable<string> KnownNames(JsonObject schema, int depth = 0)
    {
        if (depth > 8) yield break;
        if (schema["properties"] is JsonObject properties)
            foreach (var name in properties.Select(p => p.Key)) yield return name;
        foreach (var combinator in new[] { "allOf", "anyOf", "oneOf" })
            if (schema[combinator] is JsonArray parts)
                foreach (var part in parts.OfType<JsonObject>())
                    foreach (var name in KnownNames(part, depth + 1)) yield return name;
        if (schema["$ref"] is JsonValue reference && Resolve(reference.GetValue<string>()) is { } target)
            foreach (var name in KnownNames(target, depth + 1)) yield return name;
    }

    /// <summary>A <c>$ref</c> between the record schemas (relative to the schemas' common base).</summary>
    public JsonObject? Resolve(string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var file = hash < 0 ? reference : reference[..hash];
        var documentId = Documents.Keys.FirstOrDefault(id => id.EndsWith("/" + file, StringComparison.Ordinal));
        if (documentId is null) return null;
        if (hash < 0 || hash == reference.Length - 1) return Documents[documentId];
        return Locate(new Uri(documentId + reference[hash..], UriKind.Absolute)).Schema;
    }
}
