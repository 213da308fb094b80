using System.Text.Json;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Serialization;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.Mapping.Records;

/// <summary>
/// Places record issues: each gets the record key as its origin and the line and column of the field its
/// expression names (<c>results[2].unit</c>), or of the nearest enclosing field that exists.
/// </summary>
internal static class RecordPositions
{
    public static IReadOnlyList<Issue> Locate(ReadOnlyMemory<byte> json, IReadOnlyList<Issue> issues, string? recordKey)
    {
        if (issues.Count == 0) return issues;
        var offsets = Scan(json.Span);
        var document = new Utf8SourceDocument(json, recordKey);
        var located = new List<Issue>(issues.Count);
        foreach (var issue in issues)
        {
            var placed = issue with { Origin = issue.Origin ?? recordKey };
            if (Find(offsets, issue.Expression) is { } offset)
            {
                var (line, column) = document.Resolve(offset);
                placed = placed.WithPosition(line, column);
            }
            located.Add(placed);
        }
        return located;
    }

    private static int? Find(Dictionary<string, int> offsets, string? path)
    {
        if (path is null) return offsets.GetValueOrDefault("");
        while (true)
        {
            if (offsets.TryGetValue(path, out var offset)) return offset;
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0) return offsets.GetValueOrDefault("");
            path = path[..cut];
        }
    }

    /// <summary>The byte offset of every property name and array item, by path; "" is the root. Stops quietly at malformed JSON.</summary>
    private static Dictionary<string, int> Scan(ReadOnlySpan<byte> json)
    {
        var offsets = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var stack = new Stack<(string Path, int NextIndex, bool IsArray)>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                var offset = (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var parent = stack.Count == 0 ? "" : stack.Peek().Path;
                        var name = JsonInputGuard.TryGetString(ref reader) ?? "(invalid name)";
                        pendingProperty = parent.Length == 0 ? name : $"{parent}.{name}";
                        offsets.TryAdd(pendingProperty, offset);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var path = ValuePath(stack, ref pendingProperty, offsets, offset);
                        stack.Push((path, 0, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.Pop();
                        break;
                    default:
                        ValuePath(stack, ref pendingProperty, offsets, offset);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The issues already say the JSON is malformed; positions found so far are kept.
        }
        return offsets;
    }

    /// <summary>The path of the value starting here: the pending property's, or the next item of the enclosing array.</summary>
    private static string ValuePath(Stack<(string Path, int NextIndex, bool IsArray)> stack, ref string? pendingProperty, Dictionary<string, int> offsets, int offset)
    {
        if (stack.Count > 0 && stack.Peek().IsArray)
        {
            var (arrayPath, index, _) = stack.Pop();
            stack.Push((arrayPath, index + 1, true));
            var itemPath = $"{arrayPath}[{index}]";
            offsets.TryAdd(itemPath, offset);
            return itemPath;
        }
        var path = pendingProperty ?? "";
        pendingProperty = null;
        offsets.TryAdd(path, offset);
        return path;
    }
}
