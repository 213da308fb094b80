using FhirGateway.Fhir.Model;

namespace FhirGateway.Validation.References;

/// <summary>
/// The resources of one Bundle (its entries) or Parameters (its parameters' resources, at any depth of parts)
/// indexed once: by fullUrl, and by <c>Type/id</c> (with the base of a RESTful fullUrl), so that every
/// reference resolves in constant time however large the Bundle is.
/// </summary>
internal sealed class BundleIndex
{
    private readonly Dictionary<string, List<ElementNode>> _byFullUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ElementNode>> _byTypeAndId = new(StringComparer.Ordinal);

    private BundleIndex()
    {
    }

    public static BundleIndex Build(ElementNode container)
    {
        var index = new BundleIndex();
        var members = container.InstanceType == "Parameters" ? ParameterResources(container.ChildrenWithName("parameter")) : Entries(container);
        foreach (var (resource, fullUrl) in members)
        {
            if (fullUrl is not null) Add(index._byFullUrl, fullUrl, resource);
            if (resource.InstanceType is { } type && resource.Child("id")?.Text is { } id) Add(index._byTypeAndId, $"{type}/{id}", resource);
        }
        return index;
    }

    private static IEnumerable<(ElementNode, string?)> Entries(ElementNode bundle)
    {
        foreach (var entry in bundle.ChildrenWithName("entry"))
            if (entry.Child("resource") is { } resource) yield return (resource, entry.Child("fullUrl")?.Text);
    }

    private static IEnumerable<(ElementNode, string?)> ParameterResources(IEnumerable<ElementNode> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Child("resource") is { } resource) yield return (resource, null);
            foreach (var nested in ParameterResources(parameter.ChildrenWithName("part"))) yield return nested;
        }
    }

    /// <summary>
    /// The entries a reference made from <paramref name="fromFullUrl"/> points to: the entry with that fullUrl;
    /// for a relative reference, the entry whose fullUrl is the referrer's base plus the reference, else the
    /// entries of that type and id (a version must match meta.versionId).
    /// </summary>
    public IReadOnlyList<ElementNode> Resolve(ReferenceText reference, string? fromFullUrl)
    {
        if (_byFullUrl.TryGetValue(reference.Text, out var exact)) return exact;
        if (reference.Kind == ReferenceKind.Absolute && reference.Version is not null
            && _byFullUrl.TryGetValue(WithoutHistory(reference.Text), out var unversioned))
            return Versioned(unversioned, reference.Version);
        if (reference.Kind != ReferenceKind.Relative || reference.TypeAndId is not { } typeAndId) return [];
        if (BaseOf(fromFullUrl) is { } root && _byFullUrl.TryGetValue($"{root}/{typeAndId}", out var sameServer))
            return reference.Version is null ? sameServer : Versioned(sameServer, reference.Version);
        if (!_byTypeAndId.TryGetValue(typeAndId, out var byId)) return [];
        return reference.Version is null ? byId : Versioned(byId, reference.Version);
    }

    private static IReadOnlyList<ElementNode> Versioned(List<ElementNode> candidates, string version) =>
        candidates.Where(r => r.Child("meta")?.Child("versionId")?.Text == version).ToArray();

    /// <summary>The server base of a RESTful fullUrl (<c>http://x/fhir</c> for <c>http://x/fhir/Patient/1</c>), or null.</summary>
    private static string? BaseOf(string? fullUrl)
    {
        if (fullUrl is null || !fullUrl.Contains("://", StringComparison.Ordinal)) return null;
        var parts = fullUrl.Split('/');
        var n = parts.Length;
        if (n >= 4 && parts[n - 2] == "_history") n -= 2;
        return n >= 5 ? string.Join('/', parts[..(n - 2)]) : null;
    }

    private static string WithoutHistory(string url)
    {
        var at = url.LastIndexOf("/_history/", StringComparison.Ordinal);
        return at < 0 ? url : url[..at];
    }

    private static void Add(Dictionary<string, List<ElementNode>> map, string key, ElementNode resource)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = new List<ElementNode>(1);
        list.Add(resource);
    }
}
