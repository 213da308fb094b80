using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;

namespace FhirGateway.Mapping.Honesty;

/// <summary>
/// The honesty rule over what the mapping writes: every string of every resource (titles, descriptions, notes, goal
/// texts, conclusions, displays; the generated narrative's xhtml repeats them and is skipped), so a claim composed by
/// the mapper itself, not only one the record states, never leaves. Issues are located by FHIRPath (<c>CarePlan.note[0].text</c>).
/// </summary>
internal static class EmittedTexts
{
    public static void Check(JsonObject resource, List<Issue> issues)
    {
        var type = resource["resourceType"]?.GetValue<string>() ?? "Resource";
        Walk(resource, type, issues);
    }

    private static void Walk(JsonNode? node, string path, List<Issue> issues)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                    if (name != "div") Walk(child, $"{path}.{name}", issues);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Walk(array[i], $"{path}[{i}]", issues);
                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains(' ', StringComparison.Ordinal) && ClaimRule.Find(text) is { } claim:
                issues.Add(IssueCatalogue.RecordForbiddenClaim.At(path, path, claim.Claim, claim.Words));
                break;
        }
    }
}
