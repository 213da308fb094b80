using System.Text.Json;
using System.Text.Unicode;

namespace FhirGateway.Fhir.Serialization.Json;

/// <summary>What an input may hold before anything reads it: how deep it nests and how many items one array has.</summary>
public sealed record JsonInputLimits(int MaxDepth, int MaxArrayItems)
{
    /// <summary>No limit but the reader's own depth limit (for texts whose shape is someone else's concern).</summary>
    public static readonly JsonInputLimits StringsOnly = new(256, int.MaxValue);
}

/// <summary>What kind of problem <see cref="JsonInputGuard"/> found.</summary>
public enum JsonInputProblemKind
{
    /// <summary>A string or property name that is not valid UTF-8, or whose escapes leave a lone surrogate (<c>\ud800</c>).</summary>
    InvalidString,
    TooDeep,
    ArrayTooLong,
    /// <summary>Not JSON at all; what the reader said is in the detail. The caller's own parser names it better.</summary>
    Malformed,
}

/// <summary>One problem, with the path of the value (<c>results[2].unit</c>, "" for the root) and its byte offset.</summary>
public readonly record struct JsonInputProblem(JsonInputProblemKind Kind, string Path, long Offset, string Detail);

/// <summary>
/// The one place where bytes are checked to be text: every string and property name of a JSON input is valid UTF-8
/// and unescapes to valid UTF-16 (no lone surrogates), checked in one forward pass that also bounds nesting depth
/// and array lengths. Every reader of outside input (records, FHIR resources, partner answers, the ledger's canonical
/// form) relies on it, so that decoding a string later can never throw. Never throws for bad input.
/// </summary>
public static class JsonInputGuard
{
    /// <summary>The problems of <paramref name="json"/>, at most <paramref name="maxProblems"/>; the pass stops at the first depth, array or syntax problem.</summary>
    public static IReadOnlyList<JsonInputProblem> Check(ReadOnlySpan<byte> json, JsonInputLimits limits, int maxProblems = 100)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<JsonInputProblem>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = Math.Max(limits.MaxDepth, 1) + 1 });
        var path = new JsonPathTracker();
        try
        {
            while (problems.Count < maxProblems && reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var valid = IsValidString(ref reader);
                        path.Property(valid ? reader.GetString()! : "(invalid name)");
                        if (!valid) problems.Add(new(JsonInputProblemKind.InvalidString, path.Current, reader.TokenStartIndex, "a property name"));
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Value();
                        if (reader.CurrentDepth >= limits.MaxDepth)
                        {
                            problems.Add(new(JsonInputProblemKind.TooDeep, path.Current, reader.TokenStartIndex, $"more than {limits.MaxDepth} levels"));
                            return problems;
                        }
                        path.Open(reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.Close();
                        break;
                    default:
                        path.Value();
                        if (reader.TokenType == JsonTokenType.String && !IsValidString(ref reader))
                            problems.Add(new(JsonInputProblemKind.InvalidString, path.Current, reader.TokenStartIndex, "a string"));
                        break;
                }
                if (path.ItemsInArray > limits.MaxArrayItems)
                {
                    problems.Add(new(JsonInputProblemKind.ArrayTooLong, path.ArrayPath, reader.TokenStartIndex, $"more than {limits.MaxArrayItems} items"));
                    return problems;
                }
            }
        }
        catch (JsonException e)
        {
            problems.Add(new(JsonInputProblemKind.Malformed, path.Current, e.BytePositionInLine ?? 0, JsonErrorText.Describe(e)));
        }
        return problems;
    }

    /// <summary>True when every string of <paramref name="json"/> is valid text (and it is JSON).</summary>
    public static bool HasValidStrings(ReadOnlySpan<byte> json) => Check(json, JsonInputLimits.StringsOnly, 1).Count == 0;

    /// <summary>
    /// The check itself, for a reader on a string or property name: valid UTF-8 and, after unescaping, valid UTF-16.
    /// </summary>
    public static bool IsValidString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence) return Utf8.IsValid(reader.ValueSpan);
        return TryGetString(ref reader) is not null;
    }

    /// <summary>The string the reader is on, unescaped; null when it is not valid text (see <see cref="IsValidString"/>).</summary>
    public static string? TryGetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
