using System.Text.Json;

namespace FhirGateway.Runtime.Inbound;

/// <summary>
/// One page of a searchset Bundle: the matched resources (entries whose <c>search.mode</c> is <c>match</c> or absent;
/// includes and outcome entries are not matches), the <c>next</c> link, and the OperationOutcome messages it carried.
/// </summary>
public sealed class SearchPage : IDisposable
{
    private readonly JsonDocument? _document;

    private SearchPage(JsonDocument? document, List<JsonElement> matches, string? next, string? problem)
    {
        _document = document;
        Matches = matches;
        Next = next;
        Problem = problem;
    }

    public IReadOnlyList<JsonElement> Matches { get; }
    public string? Next { get; }
    /// <summary>Why the body is not a searchset, or null.</summary>
    public string? Problem { get; }

    public static SearchPage Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return new SearchPage(null, [], null, "not JSON: " + e.Message);
        }
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || Text(root, "resourceType") != "Bundle" || Text(root, "type") != "searchset")
        {
            document.Dispose();
            return new SearchPage(null, [], null, "not a searchset Bundle");
        }
        var matches = new List<JsonElement>();
        if (root.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array)
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("resource", out var resource)) continue;
                var mode = entry.TryGetProperty("search", out var search) && search.ValueKind == JsonValueKind.Object ? Text(search, "mode") : null;
                if (mode is null or "match") matches.Add(resource);
            }
        string? next = null;
        if (root.TryGetProperty("link", out var links) && links.ValueKind == JsonValueKind.Array)
            next = links.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.Object && Text(l, "relation") == "next").Select(l => Text(l, "url")).FirstOrDefault();
        return new SearchPage(document, matches, next, null);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public void Dispose() => _document?.Dispose();
}
