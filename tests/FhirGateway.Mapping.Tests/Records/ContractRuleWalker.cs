using System.Text.Json.Nodes;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Tests.Records;

/// <summary>One broken rule of a record schema: the record that breaks it (a good seed, changed at one place) and where.</summary>
public sealed record ContractViolation(string Kind, string Rule, string Path, string Seed, JsonNode Record)
{
    public override string ToString() => $"{Kind}: {Rule} @ {Path} (from {Seed})";
}

/// <summary>
/// Walks the embedded record schemas beside a good seed of each kind and makes one violation per rule it finds
/// (every required field, type, minLength, pattern, enum, const, bound, step, minItems and closed object), so a
/// test can prove intake refuses every rule the contract states, not only those a broken seed happens to break.
/// </summary>
internal static class ContractRuleWalker
{
    private static readonly Dictionary<string, JsonObject> Documents = RecordKinds.All.Prepend(RecordSchemas.Envelope)
        .ToDictionary(k => k + ".schema.json", k => JsonNode.Parse(RecordSchemas.Get(k))!.AsObject(), StringComparer.Ordinal);

    public static IEnumerable<ContractViolation> All(IReadOnlyDictionary<string, (string Seed, JsonNode Record)> seedByKind)
    {
        foreach (var kind in RecordKinds.All)
        {
            var (seed, record) = seedByKind[kind];
            var found = new List<(string Rule, string Path, Action<JsonNode> Break)>();
            Walk(Documents[kind + ".schema.json"], [], found, 0);
            foreach (var (rule, path, brk) in found.DistinctBy(f => (f.Rule, f.Path)))
            {
                var copy = record.DeepClone();
                brk(copy);
                yield return new ContractViolation(kind, rule, path, seed, copy);
            }
        }
    }

    private static void Walk(JsonObject schema, List<string> at, List<(string, string, Action<JsonNode>)> found, int depth)
    {
        if (depth > 12) return;
        if (schema["$ref"] is JsonValue r && Resolve(r.GetValue<string>()) is { } target) Walk(target, at, found, depth + 1);
        if (schema["allOf"] is JsonArray parts) foreach (var p in parts.OfType<JsonObject>()) Walk(p, at, found, depth + 1);
        var path = Text(at);
        if (schema["properties"] is JsonObject properties)
        {
            if (schema["additionalProperties"] is JsonValue a && !a.GetValue<bool>() || schema["unevaluatedProperties"] is JsonValue u && !u.GetValue<bool>())
                found.Add(("closed object", Text([.. at, "zzNotAField"]), n => Ensure(n, at)!.AsObject()["zzNotAField"] = "x"));
            foreach (var name in (schema["required"] as JsonArray ?? []).Select(x => x!.GetValue<string>()))
                if (name != "kind") found.Add(("required", Text([.. at, name]), n => Ensure(n, at)!.AsObject().Remove(name)));
            foreach (var (name, sub) in properties)
                if (sub is JsonObject child && name != "kind") Walk(child, [.. at, name], found, depth + 1);
        }
        if (schema["items"] is JsonObject items) Walk(items, [.. at, "0"], found, depth + 1);
        if (at.Count == 0) return;
        var type = schema["type"]?.GetValue<string>();
        if (type is not null) found.Add(("type " + type, path, n => Set(n, at, type == "string" ? JsonValue.Create(12345) : JsonValue.Create("wrong"))));
        if (schema["minLength"] is not null) found.Add(("minLength", path, n => Set(n, at, JsonValue.Create(""))));
        if (schema["pattern"] is not null) found.Add(("pattern", path, n => Set(n, at, JsonValue.Create("not the pattern"))));
        if (schema["enum"] is not null || schema["const"] is not null) found.Add(("enum", path, n => Set(n, at, JsonValue.Create("zz-not-a-code"))));
        if (schema["minimum"] is JsonValue min) found.Add(("minimum", path, n => Set(n, at, JsonValue.Create(min.GetValue<decimal>() - 1))));
        if (schema["exclusiveMinimum"] is JsonValue xmin) found.Add(("exclusiveMinimum", path, n => Set(n, at, JsonValue.Create(xmin.GetValue<decimal>()))));
        if (schema["maximum"] is JsonValue max) found.Add(("maximum", path, n => Set(n, at, JsonValue.Create(max.GetValue<decimal>() + 1))));
        if (schema["multipleOf"] is JsonValue step) found.Add(("multipleOf", path, n => Set(n, at, JsonValue.Create(step.GetValue<decimal>() * 1.5m))));
        if (schema["minItems"] is JsonValue minItems && minItems.GetValue<int>() > 0) found.Add(("minItems", path, n => Set(n, at, new JsonArray())));
    }

    private static JsonObject? Resolve(string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        JsonNode? node = Documents[hash < 0 ? reference : reference[..hash]];
        if (hash >= 0)
            foreach (var segment in reference[(hash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries)) node = node?[segment];
        return node as JsonObject;
    }

    /// <summary>
    /// The object at the first <paramref name="depth"/> segments of a path (all by default), made (as an empty object
    /// or an array, as the next segment of the whole path asks) where the seed has none.
    /// </summary>
    private static JsonNode? Ensure(JsonNode root, List<string> at, int depth = -1)
    {
        var node = root;
        for (var i = 0; i < (depth < 0 ? at.Count : depth); i++)
        {
            var nextIsIndex = i + 1 < at.Count && int.TryParse(at[i + 1], out _);
            if (node is JsonArray array)
            {
                if (array.Count == 0) array.Add(nextIsIndex ? new JsonArray() : new JsonObject());
                node = array[0]!;
            }
            else
            {
                var obj = node.AsObject();
                if (obj[at[i]] is null) obj[at[i]] = nextIsIndex ? new JsonArray() : new JsonObject();
                node = obj[at[i]]!;
            }
        }
        return node;
    }

    private static void Set(JsonNode root, List<string> at, JsonNode value)
    {
        var parent = Ensure(root, at, at.Count - 1)!;
        if (parent is JsonArray array)
        {
            if (array.Count == 0) array.Add(value);
            else array[0] = value;
        }
        else parent.AsObject()[at[^1]] = value;
    }

    private static string Text(List<string> at)
    {
        var path = "";
        foreach (var s in at) path = int.TryParse(s, out _) ? $"{path}[{s}]" : path.Length == 0 ? s : $"{path}.{s}";
        return path;
    }
}
