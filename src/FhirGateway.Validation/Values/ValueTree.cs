using System.Text.Json;
using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Validation.Values;

/// <summary>
/// A fixed[x] or pattern[x] value of a definition as an immutable tree: a primitive's lexical value, and the
/// properties by wire name (<c>coding</c>, <c>valueQuantity</c>), each with its items. A <c>_name</c> companion's
/// id and extensions are merged into the primitive they belong to. Built once at compile time from the JSON the
/// definition holds.
/// </summary>
internal sealed class ValueTree
{
    private ValueTree(string? text, bool isNumber, IReadOnlyList<ValueProperty> properties, string display = "")
    {
        Text = text;
        IsNumber = isNumber;
        Properties = properties;
        Display = display;
    }

    /// <summary>The primitive's value as written (numbers as their JSON text, booleans as true/false); null for complex values.</summary>
    public string? Text { get; }

    public bool IsNumber { get; }

    public IReadOnlyList<ValueProperty> Properties { get; }

    /// <summary>The value's JSON, compact, for messages.</summary>
    public string Display { get; }

    public static ValueTree Parse(FhirValue value)
    {
        using var document = JsonDocument.Parse(value.Json);
        var tree = From(document.RootElement);
        return new ValueTree(tree.Text, tree.IsNumber, tree.Properties, Compact(document.RootElement));
    }

    private static ValueTree From(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => FromObject(e, null),
        JsonValueKind.Number => new ValueTree(e.GetRawText(), true, []),
        JsonValueKind.True => new ValueTree("true", false, []),
        JsonValueKind.False => new ValueTree("false", false, []),
        JsonValueKind.String => new ValueTree(e.GetString(), false, []),
        _ => new ValueTree(null, false, []),
    };

    private static ValueTree FromObject(JsonElement e, ValueTree? primitive)
    {
        var properties = new List<ValueProperty>();
        var companions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
            if (p.Name.Length > 1 && p.Name[0] == '_') companions[p.Name[1..]] = p.Value;
        foreach (var p in e.EnumerateObject())
        {
            if (p.Name.Length > 1 && p.Name[0] == '_' || p.Name == "resourceType") continue;
            companions.Remove(p.Name, out var companion);
            properties.Add(new ValueProperty(p.Name, Items(p.Value, companion)));
        }
        foreach (var (name, companion) in companions) properties.Add(new ValueProperty(name, Items(default, companion)));
        return new ValueTree(primitive?.Text, primitive?.IsNumber ?? false, primitive is null ? properties : [.. primitive.Properties, .. properties]);
    }

    /// <summary>The items of one property: its values, each merged with the companion entry at the same index.</summary>
    private static IReadOnlyList<ValueTree> Items(JsonElement value, JsonElement companion)
    {
        var values = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : value.ValueKind == JsonValueKind.Undefined ? [] : [value];
        var extras = companion.ValueKind == JsonValueKind.Array ? companion.EnumerateArray().ToArray() : companion.ValueKind == JsonValueKind.Undefined ? [] : [companion];
        var items = new ValueTree[Math.Max(values.Length, extras.Length)];
        for (var i = 0; i < items.Length; i++)
        {
            var primitive = i < values.Length ? From(values[i]) : new ValueTree(null, false, []);
            items[i] = i < extras.Length && extras[i].ValueKind == JsonValueKind.Object ? FromObject(extras[i], primitive) : primitive;
        }
        return items;
    }

    private static string Compact(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : JsonSerializer.Serialize(e);

    public override string ToString() => Display;
}

/// <summary>One property of a <see cref="ValueTree"/>: its wire name and items.</summary>
internal sealed record ValueProperty(string Name, IReadOnlyList<ValueTree> Items);
