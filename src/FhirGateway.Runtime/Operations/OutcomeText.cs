using System.Text.Json;

namespace FhirGateway.Runtime.Operations;

/// <summary>Readable text from a stored OperationOutcome: the first issue's text, or each issue as a line for operators.</summary>
public static class OutcomeText
{
    /// <summary>The first issue's <c>details.text</c> (else its diagnostics); null when there is none or the JSON is unreadable.</summary>
    public static string? First(string? outcome) => Issues(outcome).Select(i => i.Text).FirstOrDefault(t => t is not null);

    /// <summary>Each issue of an OperationOutcome: severity, code, text (details.text or diagnostics) and expression.</summary>
    public static IReadOnlyList<OutcomeIssue> Issues(string? outcome)
    {
        if (string.IsNullOrWhiteSpace(outcome)) return [];
        try
        {
            using var doc = JsonDocument.Parse(outcome);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("issue", out var issues) || issues.ValueKind != JsonValueKind.Array) return [];
            var list = new List<OutcomeIssue>();
            foreach (var issue in issues.EnumerateArray())
            {
                if (issue.ValueKind != JsonValueKind.Object) continue;
                var text = issue.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object && details.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String
                    ? t.GetString()
                    : String(issue, "diagnostics");
                var expression = issue.TryGetProperty("expression", out var e) && e.ValueKind == JsonValueKind.Array
                    ? string.Join(", ", e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()))
                    : null;
                list.Add(new OutcomeIssue(String(issue, "severity") ?? "error", String(issue, "code") ?? "processing", text, string.IsNullOrEmpty(expression) ? null : expression));
            }
            return list;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>One issue of an OperationOutcome as operators read it.</summary>
public sealed record OutcomeIssue(string Severity, string Code, string? Text, string? Expression);
