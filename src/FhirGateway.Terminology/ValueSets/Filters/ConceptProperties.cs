using FhirGateway.Terminology.CodeSystems;

namespace FhirGateway.Terminology.ValueSets.Filters;

/// <summary>
/// The values a filter property names on a concept: <c>code</c>/<c>concept</c> the code, <c>display</c> the display,
/// <c>parent</c>/<c>child</c> the codes of its neighbours in the hierarchy, anything else the property's values.
/// </summary>
internal static class ConceptProperties
{
    public static IEnumerable<string> Values(Concept concept, string property) => property switch
    {
        "code" or "concept" => [concept.Code],
        "display" => concept.Display is null ? [] : [concept.Display],
        "parent" => concept.Parents.Select(p => p.Code),
        "child" => concept.Children.Select(c => c.Code),
        _ => concept.ValuesOf(property),
    };
}
