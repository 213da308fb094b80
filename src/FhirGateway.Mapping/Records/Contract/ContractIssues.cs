using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using Json.Schema;

namespace FhirGateway.Mapping.Records.Contract;

/// <summary>
/// Turns one error of a schema evaluation into record issues: the keyword that failed (read from the schema document
/// at the error's absolute schema location) decides the issue, the instance location gives the field's path
/// (<c>results[1].unit</c>).
/// </summary>
internal static class ContractIssues
{
    public static IEnumerable<Issue> For(ContractSchemas schemas, string kind, JsonElement root, EvaluationResults detail, string key, string message)
    {
        var (_, _, located) = schemas.Locate(detail.SchemaLocation);
        var keyword = key.Length > 0 && key != "false" ? key : located;
        var segments = Segments(detail.InstanceLocation.ToString());
        // The keyword's schema is found along the instance path (JsonSchema.Net's schema locations inside array items are not always the item's own).
        var schema = keyword is "unevaluatedProperties" or "additionalProperties" or "false" or "" ? schemas.At(kind, segments[..Math.Max(0, segments.Count - 1)]) : schemas.At(kind, segments);
        var path = Path(segments);
        var value = At(root, segments);
        switch (keyword)
        {
            case "required" when value is { ValueKind: JsonValueKind.Object } obj:
                foreach (var name in RequiredNames(schema, message).Where(n => !obj.TryGetProperty(n, out _)))
                {
                    var field = path.Length == 0 ? name : $"{path}.{name}";
                    yield return IssueCatalogue.RecordMissingField.At(field, field, Expected(schemas, (schema?["properties"] as JsonObject)?[name] as JsonObject));
                }
                yield break;
            case "unevaluatedProperties" or "additionalProperties" or "false" or "":
                if (segments.Count == 0) break;
                var known = schema is null ? [] : schemas.KnownNames(schema).ToList();
                var suggestion = NameSuggestion.For(segments[^1], known);
                yield return IssueCatalogue.RecordUnknownField.At(path, path, suggestion is null ? "" : $"; did you mean '{suggestion}'?",
                    known.Count == 0 ? "no other fields" : string.Join(", ", known.Distinct()));
                yield break;
            case "enum" or "const":
                var allowed = schema?[keyword] is JsonArray list ? string.Join(", ", list.Select(Text)) : Text(schema?[keyword]);
                yield return IssueCatalogue.RecordUnknownCode.At(path, path, Show(value), allowed);
                yield break;
            case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf":
                yield return IssueCatalogue.RecordValueOutOfRange.At(path, path, Show(value), Range(schema));
                yield break;
        }
        yield return IssueCatalogue.RecordWrongField.At(path, path, Expected(schemas, schema), $"{Show(value)} ({message})");
    }

    /// <summary>
    /// The names a failed <c>required</c> lists: those of the error message (<c>Required properties ["x"] are not
    /// present</c>), as JsonSchema.Net's schema location for nested array items is not always the object's own; else the schema's.
    /// </summary>
    private static IEnumerable<string> RequiredNames(JsonObject? schema, string message)
    {
        var (open, close) = (message.IndexOf('[', StringComparison.Ordinal), message.LastIndexOf(']'));
        if (open >= 0 && close > open)
        {
            string[]? names = null;
            try
            {
                names = JsonSerializer.Deserialize(message[open..(close + 1)], ContractJson.Default.StringArray);
            }
            catch (JsonException)
            {
                // not the expected wording: fall back to the schema's list
            }
            if (names is { Length: > 0 }) return names;
        }
        return (schema?["required"] as JsonArray ?? []).Select(n => n!.GetValue<string>());
    }

    /// <summary>What a schema object expects, in words: its description or its type and bounds.</summary>
    private static string Expected(ContractSchemas schemas, JsonObject? schema)
    {
        if (schema is null) return "what the record contract says";
        if (schema["$ref"] is JsonValue r && schemas.Resolve(r.GetValue<string>()) is { } target) schema = target;
        var type = schema["type"]?.GetValue<string>() switch
        {
            "string" => schema["minLength"] is null ? "a string" : "a non-empty string",
            "integer" => "a whole number",
            "number" => "a number",
            "object" => "an object",
            "array" => schema["minItems"] is JsonValue n ? $"an array of at least {n} item(s)" : "an array",
            "boolean" => "true or false",
            _ => schema["enum"] is JsonArray e ? "one of " + string.Join(", ", e.Select(Text)) : "a value",
        };
        var range = Range(schema);
        if (range.Length > 0) type += " " + range;
        if (schema["description"] is JsonValue d) return $"{type} ({d})";
        return schema["pattern"] is JsonValue p ? $"{type} matching {p}" : type;
    }

    private static string Range(JsonObject? schema)
    {
        if (schema is null) return "";
        var parts = new List<string>();
        if (schema["minimum"] is JsonValue min) parts.Add($">= {min}");
        if (schema["exclusiveMinimum"] is JsonValue xmin) parts.Add($"> {xmin}");
        if (schema["maximum"] is JsonValue max) parts.Add($"<= {max}");
        if (schema["exclusiveMaximum"] is JsonValue xmax) parts.Add($"< {xmax}");
        if (schema["multipleOf"] is JsonValue step) parts.Add($"in steps of {step}");
        return string.Join(" and ", parts);
    }

    private static List<string> Segments(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToList();

    /// <summary>A record path as the mapper writes it: <c>results[1].unit</c>.</summary>
    private static string Path(List<string> segments)
    {
        var path = "";
        foreach (var s in segments)
            path = int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"{path}[{s}]" : path.Length == 0 ? s : $"{path}.{s}";
        return path;
    }

    private static JsonElement? At(JsonElement root, List<string> segments)
    {
        var node = root;
        foreach (var s in segments)
        {
            if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(s, out var child)) node = child;
            else if (node.ValueKind == JsonValueKind.Array && int.TryParse(s, out var i) && i < node.GetArrayLength()) node = node[i];
            else return null;
        }
        return node;
    }

    private static string Show(JsonElement? value) => value switch
    {
        null => "missing",
        { ValueKind: JsonValueKind.String } v => $"\"{v.GetString()}\"",
        { ValueKind: JsonValueKind.Object } => "an object",
        { ValueKind: JsonValueKind.Array } => "an array",
        { } v => v.GetRawText(),
    };

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "null";
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class ContractJson : System.Text.Json.Serialization.JsonSerializerContext;
