using System.Globalization;
using System.Text.Json.Nodes;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Bundles;

namespace FhirGateway.Runtime.Tests.Partners;

/// <summary>What comparing the partner's copies with the dry-run mapping found.</summary>
public sealed record ComparisonReport(int Resources, int Values, IReadOnlyList<string> Missing, IReadOnlyList<string> Mismatches, int References, IReadOnlyList<string> Dangling);

/// <summary>
/// Compares what a partner holds with what the mapping gives for the same records (a dry run, no gateway): each
/// business resource the mapping produces is found at the partner by its identity, and every value the mapping wrote
/// (ids, meta and literal references aside, which the partner assigns) is there with the same value; every literal
/// reference the partner holds resolves at the partner.
/// </summary>
public static class DryRunComparison
{
    public static async Task<ComparisonReport> CompareAsync(PartnerContents partner, IEnumerable<byte[]> records)
    {
        var expected = Expected(records);
        var values = 0;
        var missing = new List<string>();
        var mismatches = new List<string>();
        var held = new Dictionary<string, Dictionary<string, JsonObject>>(StringComparer.Ordinal);
        foreach (var type in expected.Keys.Select(k => k.Type).Distinct())
            held[type] = (await partner.AllAsync(type)).GroupBy(PartnerContents.Identity).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var ((type, identity), resource) in expected)
        {
            if (!held[type].TryGetValue(identity, out var copy))
            {
                missing.Add($"{type} {identity}");
                continue;
            }
            foreach (var (path, value) in Leaves(resource, type))
            {
                values++;
                var there = At(copy, path);
                if (!Same(value, there)) mismatches.Add($"{type} {identity} {path}: expected {value.ToJsonString()}, partner has {there?.ToJsonString() ?? "nothing"}");
            }
        }
        var references = 0;
        var dangling = new List<string>();
        foreach (var copy in held.Values.SelectMany(h => h.Values))
            foreach (var reference in LiteralReferences(copy))
            {
                references++;
                if (await partner.ReadAsync(reference) is null) dangling.Add($"{copy["resourceType"]}/{copy["id"]} -> {reference}");
            }
        return new ComparisonReport(expected.Count, values, missing, mismatches, references, dangling);
    }

    /// <summary>The content each business resource should have: the latest record's (the first one's for a Patient, which is never overwritten).</summary>
    private static Dictionary<(string Type, string Identity), JsonObject> Expected(IEnumerable<byte[]> records)
    {
        var mapper = new RecordMapper();
        var latest = new Dictionary<(string, string), (RecordStamp Stamp, JsonObject Json)>();
        foreach (var bytes in records)
        {
            var mapping = mapper.Map(bytes);
            Assert.True(mapping.Success, string.Join("\n", mapping.Issues));
            var stamp = RecordStamp.Of(mapping.Record!.Envelope);
            // what this partner is sent: its view of the record (no partner coding configured: WHO ICD-10, matched by the clinic MRN)
            foreach (var resource in FhirGateway.Mapping.Partners.PartnerView.For(mapping.Record, FhirGateway.Mapping.Partners.PartnerCoding.Default).Resources)
            {
                var json = JsonNode.Parse(resource.Json.Span)!.AsObject();
                var key = (resource.ResourceType, PartnerContents.Identity(json));
                if (!latest.TryGetValue(key, out var known) || (resource.ResourceType != "Patient" && !stamp.IsOlderThan(known.Stamp)))
                    latest[key] = (stamp, json);
            }
        }
        return latest.ToDictionary(kv => kv.Key, kv => kv.Value.Json);
    }

    private static IEnumerable<(string Path, JsonValue Value)> Leaves(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                    if (name != "reference" && !(name is "id" or "meta" && !path.Contains('.', StringComparison.Ordinal)))
                        foreach (var leaf in Leaves(child, $"{path}.{name}")) yield return leaf;
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    foreach (var leaf in Leaves(array[i], $"{path}[{i}]")) yield return leaf;
                break;
            case JsonValue value:
                yield return (path, value);
                break;
        }
    }

    private static JsonNode? At(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.').Skip(1))
        {
            var name = part;
            var indexes = new List<int>();
            while (name.EndsWith(']'))
            {
                var open = name.LastIndexOf('[');
                indexes.Insert(0, int.Parse(name[(open + 1)..^1], CultureInfo.InvariantCulture));
                name = name[..open];
            }
            node = node is JsonObject o ? o[name] : null;
            foreach (var i in indexes) node = node is JsonArray a && i < a.Count ? a[i] : null;
        }
        return node;
    }

    /// <summary>Equal values; numbers by value (a JavaScript server keeps 1.50 as 1.5).</summary>
    private static bool Same(JsonValue expected, JsonNode? actual)
    {
        if (actual is not JsonValue there) return false;
        if (expected.ToJsonString() == there.ToJsonString()) return true;
        return expected.TryGetValue<decimal>(out var a) && there.TryGetValue<decimal>(out var b) && a == b;
    }

    private static IEnumerable<string> LiteralReferences(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "reference" && p.Value is JsonValue v && v.TryGetValue<string>(out var r) && IsLiteral(r) ? [r] : LiteralReferences(p.Value)),
        JsonArray array => array.SelectMany(LiteralReferences),
        _ => [],
    };

    private static bool IsLiteral(string reference)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && char.IsAsciiLetterUpper(reference[0]) && reference.IndexOfAny(['?', '#', ':']) < 0;
    }
}
