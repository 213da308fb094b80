using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Evaluation;

namespace FhirGateway.FhirPath.Functions;

/// <summary>
/// resolve(): a Reference (its <c>reference</c>) or a uri/canonical string, looked up as a contained resource
/// (<c>#id</c>, <c>#</c> for the container), then as an entry of an enclosing Bundle (by fullUrl, including
/// <c>urn:uuid:</c>, or by <c>Type/id</c>), then through the environment's resolver. Unresolvable references are dropped.
/// </summary>
internal static class References
{
    public static IReadOnlyList<object> Resolve(IReadOnlyList<object> focus, EvaluationRun run)
    {
        List<object>? result = null;
        foreach (var item in focus)
        {
            var node = item as ElementNode;
            var reference = node is not null && !node.IsPrimitive ? node.Child("reference")?.Text : Items.AsString(item);
            if (reference is null) continue;
            var target = ResolveOne(reference, node ?? run.Resource, run);
            if (target is not null) (result ??= []).Add(target);
        }
        return result ?? Items.Empty;
    }

    private static ElementNode? ResolveOne(string reference, ElementNode? from, EvaluationRun run)
    {
        if (reference.StartsWith('#')) return Contained(reference[1..], from?.ResourceRoot ?? run.Resource);
        for (var n = from; n is not null; n = n.Parent)
        {
            if (n.InstanceType != "Bundle") continue;
            if (InBundle(n, reference) is { } found) return found;
        }
        return run.Environment.Resolver?.Invoke(reference);
    }

    /// <summary>A contained resource of the outermost container; <c>#</c> alone is the container itself.</summary>
    private static ElementNode? Contained(string id, ElementNode? resource)
    {
        var container = resource;
        while (container is { Name: "contained", Parent: { } p } && p.ResourceRoot is { } outer) container = outer;
        if (container is null) return null;
        if (id.Length == 0) return container;
        foreach (var c in container.ChildrenNamed("contained"))
            if (c.Child("id")?.Text == id) return c;
        return null;
    }

    private static ElementNode? InBundle(ElementNode bundle, string reference)
    {
        var typeAndId = TypeAndId(reference);
        foreach (var entry in bundle.ChildrenNamed("entry"))
        {
            var resource = entry.Child("resource");
            if (resource is null) continue;
            var fullUrl = entry.Child("fullUrl")?.Text;
            if (fullUrl == reference) return resource;
            if (typeAndId is not null && (fullUrl?.EndsWith("/" + typeAndId, StringComparison.Ordinal) == true
                || $"{resource.InstanceType}/{resource.Child("id")?.Text}" == typeAndId)) return resource;
        }
        return null;
    }

    /// <summary>The <c>Type/id</c> tail of a relative or absolute RESTful reference (a version suffix dropped), or null.</summary>
    private static string? TypeAndId(string reference)
    {
        if (reference.StartsWith("urn:", StringComparison.Ordinal)) return null;
        var parts = reference.Split('/');
        var history = Array.IndexOf(parts, "_history");
        var end = history > 0 ? history : parts.Length;
        return end >= 2 ? $"{parts[end - 2]}/{parts[end - 1]}" : null;
    }
}
