using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Evaluation;

namespace FhirGateway.FhirPath.Functions;

/// <summary>Tree navigation (spec §5.8): children() and descendants().</summary>
internal static class TreeFunctions
{
    public static void Register(FunctionTable.Registry r)
    {
        r.Add("children(): Unordered", true, Children);
        r.Add("descendants(): Unordered", true, Descendants);
    }

    private static IReadOnlyList<object> Children(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var result = new List<object>();
        foreach (var item in focus)
            if (item is ElementNode node) result.AddRange(node.Children);
        return result;
    }

    private static IReadOnlyList<object> Descendants(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var result = new List<object>();
        foreach (var item in focus)
            if (item is ElementNode node) Navigation.AddDescendants(node, result);
        return result;
    }
}
