using System.Text.Json;
using System.Text.RegularExpressions;
using FhirGateway.Fhir.Issues;

namespace FhirGateway.Validation.Tests.Conformance;

/// <summary>
/// Scoring by where, not only how many: each error the HL7 validator reports must be matched by one of ours at the
/// same element, or (where the two validators report a finding on a parent and a child, as for an item of a
/// QuestionnaireResponse or an extension of an element) at most two steps above or below it. Locations are compared as
/// FHIRPath paths with what the two spell differently made alike (Java's <c>/*Type/id*/</c> comments, <c>value.ofType(Quantity)</c>
/// for <c>valueQuantity</c>, <c>resource.ofType(Patient)</c> for <c>resource</c>, a first repetition with or without <c>[0]</c>,
/// Java's <c>extension[1][url='…']</c> for the extension <c>extension[1]</c>).
/// An error the HL7 validator gives no location (a file that is not JSON) is matched by any error of ours.
/// </summary>
internal static partial class Locations
{
    /// <summary>The expression of every error and fatal issue of an expected OperationOutcome under outcomes/, or null when the file is absent.</summary>
    public static IReadOnlyList<string>? Expected(string? outcomeFile)
    {
        if (outcomeFile is null) return null;
        var path = Path.Combine(SharedConformance.Validator, "outcomes", outcomeFile);
        if (!File.Exists(path)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!doc.RootElement.TryGetProperty("issue", out var issues)) return [];
        var list = new List<string>();
        foreach (var issue in issues.EnumerateArray())
        {
            var severity = issue.TryGetProperty("severity", out var s) ? s.GetString() : null;
            if (severity is not ("error" or "fatal")) continue;
            list.Add(FirstString(issue, "expression") ?? FirstString(issue, "location") ?? "");
        }
        return list;
    }

    /// <summary>True when every expected location is matched by a distinct error of ours (no expectations on file: true).</summary>
    public static bool Agree(IReadOnlyList<string>? expected, IReadOnlyList<Issue> ours) => Unmatched(expected, ours).Count == 0;

    /// <summary>The expected locations none of our errors matches.</summary>
    public static IReadOnlyList<string> Unmatched(IReadOnlyList<string>? expected, IReadOnlyList<Issue> ours)
    {
        if (expected is null) return [];
        var pool = ours.Where(i => i.IsError).Select(i => Normalise(i.Expression ?? "")).ToList();
        var wanted = expected.Select(e => (Raw: e, Path: Normalise(e))).ToList();
        var unmatched = new List<string>();
        foreach (var exact in new[] { true, false })
        {
            var left = new List<(string Raw, string Path)>();
            foreach (var w in wanted)
            {
                var at = pool.FindIndex(p => exact ? p == w.Path : Near(p, w.Path));
                if (at < 0) left.Add(w);
                else pool.RemoveAt(at);
            }
            wanted = left;
        }
        unmatched.AddRange(wanted.Select(w => w.Raw));
        return unmatched;
    }

    public static string Normalise(string location)
    {
        var s = Comment().Replace(location, "");
        s = UrlPredicate().Replace(s, "");
        s = ResourceOfType().Replace(s, "$1");
        s = ChoiceOfType().Replace(s, m => m.Groups[1].Value + char.ToUpperInvariant(m.Groups[2].Value[0]) + m.Groups[2].Value[1..]);
        s = FirstIndex().Replace(s, "");
        return s.Trim();
    }

    /// <summary>One path is the other, or an ancestor of it at most two steps up; an empty expected location matches anything.</summary>
    private static bool Near(string ours, string expected)
    {
        if (expected.Length == 0) return true;
        var (shorter, longer) = ours.Length <= expected.Length ? (ours, expected) : (expected, ours);
        if (shorter.Length == 0 || !longer.StartsWith(shorter + ".", StringComparison.Ordinal)) return false;
        return longer[shorter.Length..].Count(c => c == '.') <= 2;
    }

    private static string? FirstString(JsonElement issue, string name) =>
        issue.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array && a.GetArrayLength() > 0 ? a[0].GetString() : null;

    [GeneratedRegex(@"/\*.*?\*/")]
    private static partial Regex Comment();

    [GeneratedRegex(@"(\.(?:resource|contained(?:\[\d+\])?))\.ofType\([^)]*\)")]
    private static partial Regex ResourceOfType();

    [GeneratedRegex(@"(\.[a-z][A-Za-z]*)\.ofType\(([A-Za-z]+)\)")]
    private static partial Regex ChoiceOfType();

    [GeneratedRegex(@"\[url='[^']*'\]")]
    private static partial Regex UrlPredicate();

    [GeneratedRegex(@"\[0\]")]
    private static partial Regex FirstIndex();
}
