using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FhirGateway.Runtime.Delivery;

/// <summary>
/// Recognises a partner's refusal of a transaction for its size (HTTP 413, or a 4xx whose OperationOutcome or text
/// says the transaction, bundle or its entries are too many, too large, over a limit or a maximum) and the limit to use
/// from then on: the number the refusal names when it names one below what was sent, else half of what was sent.
/// A refusal of a single entry is never about size.
/// </summary>
public static partial class SizeLimitRefusal
{
    /// <summary>The limit to learn, or null when the answer is not a refusal for size.</summary>
    public static int? LimitFrom(int? status, ReadOnlyMemory<byte> body, int sentEntries)
    {
        if (sentEntries <= 1 || status is not (>= 400 and < 500) || status is 401 or 403 or 404 or 408 or 409 or 412 or 429) return null;
        var text = Text(body);
        if (status != 413 && !(Quantity().IsMatch(text) && Subject().IsMatch(text))) return null;
        var named = Number().Matches(text).Select(m => int.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n >= 1 && n < sentEntries).DefaultIfEmpty(0).Max();
        return named > 0 ? named : Math.Max(1, sentEntries / 2);
    }

    /// <summary>The refusal's words: every issue's details.text and diagnostics of an OperationOutcome, else the body as text.</summary>
    private static string Text(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty) return "";
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("issue", out var issues) && issues.ValueKind == JsonValueKind.Array)
                return string.Join(" ", issues.EnumerateArray().SelectMany(Words));
        }
        catch (JsonException)
        {
            // not JSON: the text itself
        }
        return System.Text.Encoding.UTF8.GetString(body.Span);
    }

    private static IEnumerable<string> Words(JsonElement issue)
    {
        if (issue.ValueKind != JsonValueKind.Object) yield break;
        if (issue.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            yield return t.GetString()!;
        if (issue.TryGetProperty("diagnostics", out var diag) && diag.ValueKind == JsonValueKind.String) yield return diag.GetString()!;
    }

    [GeneratedRegex(@"\b(too\s+(many|large|big|long)|exceed\w*|maximum|max\b|limit\w*|at\s+most|more\s+than|no\s+more|greater\s+than|larger\s+than)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();

    [GeneratedRegex(@"\b(entr(y|ies)|bundle|transaction|batch|operations|request\s+size|payload)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Subject();

    [GeneratedRegex(@"\b\d{1,6}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
