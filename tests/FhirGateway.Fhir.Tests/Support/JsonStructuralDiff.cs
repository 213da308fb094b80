using System.Text.Json;

namespace FhirGateway.Fhir.Tests.Support;

/// <summary>
/// Compares two JSON texts as values: same properties (order ignored) and array items, strings equal after
/// unescaping, numbers equal by their lexical text (<c>1.50</c> is not <c>1.5</c>). Returns the first
/// difference as "path: what", or null when equal.
/// </summary>
internal static class JsonStructuralDiff
{
    public static string? FirstDifference(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        using var a = JsonDocument.Parse(expected.ToArray(), new JsonDocumentOptions { MaxDepth = 512 });
        using var b = JsonDocument.Parse(actual.ToArray(), new JsonDocumentOptions { MaxDepth = 512 });
        return Compare(a.RootElement, b.RootElement, "$");
    }

    private static string? Compare(JsonElement a, JsonElement b, string path)
    {
        if (a.ValueKind != b.ValueKind) return $"{path}: expected {a.ValueKind} {Show(a)}, got {b.ValueKind} {Show(b)}";
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var bProps = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var p in b.EnumerateObject())
                    if (!bProps.TryAdd(p.Name, p.Value)) return $"{path}.{p.Name}: repeated in the actual JSON";
                var seen = 0;
                foreach (var p in a.EnumerateObject())
                {
                    if (!bProps.TryGetValue(p.Name, out var other)) return $"{path}.{p.Name}: missing";
                    seen++;
                    var d = Compare(p.Value, other, $"{path}.{p.Name}");
                    if (d is not null) return d;
                }
                if (seen != bProps.Count)
                {
                    var expectedNames = a.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                    return $"{path}.{bProps.Keys.First(k => !expectedNames.Contains(k))}: unexpected";
                }
                return null;
            case JsonValueKind.Array:
                var n = a.GetArrayLength();
                if (n != b.GetArrayLength()) return $"{path}: expected {n} items, got {b.GetArrayLength()}";
                for (var i = 0; i < n; i++)
                {
                    var d = Compare(a[i], b[i], $"{path}[{i}]");
                    if (d is not null) return d;
                }
                return null;
            case JsonValueKind.String:
                return a.GetString() == b.GetString() ? null : $"{path}: expected {Show(a)}, got {Show(b)}";
            case JsonValueKind.Number:
                return a.GetRawText() == b.GetRawText() ? null : $"{path}: expected {a.GetRawText()}, got {b.GetRawText()}";
            default:
                return null;
        }
    }

    private static string Show(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}
