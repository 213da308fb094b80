using System.Text.Json;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.Mapping.Records;

/// <summary>
/// Opens a record's JSON for reading, once it has passed <see cref="JsonInputGuard"/>: every string valid text, at most
/// <see cref="MaxDepth"/> levels, at most <see cref="MaxArrayItems"/> items per array (the clinic's records are shallow
/// and short; anything beyond is refused as a whole, before any work per item). Problems are issues located by the
/// record's path; never throws for bad input.
/// </summary>
public static class RecordJson
{
    /// <summary>How deep a record may nest (the deepest record field is a handful of levels down).</summary>
    public const int MaxDepth = 32;

    /// <summary>How many items one array of a record may hold.</summary>
    public const int MaxArrayItems = 1000;

    private static readonly JsonInputLimits Limits = new(MaxDepth, MaxArrayItems);

    /// <summary>The parsed record, or null with the issues that refuse it.</summary>
    public static JsonDocument? Open(ReadOnlyMemory<byte> json, List<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var before = issues.Count;
        foreach (var problem in JsonInputGuard.Check(json.Span, Limits, IssueLimit.Default))
        {
            switch (problem.Kind)
            {
                case JsonInputProblemKind.InvalidString:
                    issues.Add(IssueCatalogue.RecordInvalidString.At(NullIfRoot(problem.Path), Show(problem.Path), problem.Detail));
                    break;
                case JsonInputProblemKind.TooDeep:
                    issues.Add(IssueCatalogue.RecordTooDeep.At(NullIfRoot(problem.Path), MaxDepth, Show(problem.Path)));
                    break;
                case JsonInputProblemKind.ArrayTooLong:
                    issues.Add(IssueCatalogue.RecordArrayTooLong.At(NullIfRoot(problem.Path), Show(problem.Path), MaxArrayItems));
                    break;
            }
        }
        if (issues.Count > before) return null;
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth + 1 });
        }
        catch (JsonException e)
        {
            var (line, column) = JsonErrorText.Position(e);
            issues.Add(IssueCatalogue.RecordMalformedJson.At(null, line, column, JsonErrorText.Reason(e)).WithPosition(line, column));
            return null;
        }
    }

    private static string? NullIfRoot(string path) => path.Length == 0 ? null : path;

    private static string Show(string path) => path.Length == 0 ? "(root)" : path;
}
