using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.References;

/// <summary>Where a reference led: the target resource when found, or the problem of not finding it where it must be.</summary>
internal readonly record struct Resolution(ElementNode? Target, Issue? Problem);

/// <summary>
/// Resolves a reference the way FHIR says: <c>#id</c> among the contained resources of the outermost container,
/// then inside each enclosing Bundle or Parameters (by fullUrl, or by type and id relative to the referring
/// entry's server base), then through the caller's resolver. A missing contained resource and a reference
/// matching several entries are errors; a <c>urn:uuid</c> that no entry carries is a warning (the policy may
/// make it an error); anything else unresolved is left to the policy.
/// </summary>
internal static class ReferenceResolution
{
    public static Resolution Resolve(ElementNode from, ReferenceText reference, ValidationRun run)
    {
        if (reference.Kind == ReferenceKind.Contained) return Contained(from, reference);
        var inBundle = false;
        for (var resource = from.ResourceRoot; resource is not null; resource = resource.Parent?.ResourceRoot)
        {
            var (bundle, fullUrl) = EnclosingBundle(resource);
            if (bundle is null) continue;
            inBundle = true;
            var matches = run.IndexOf(bundle).Resolve(reference, fullUrl);
            if (matches.Count == 1) return new Resolution(matches[0], null);
            if (matches.Count > 1) return new Resolution(null, IssueAt.Node(IssueCatalogue.ValReferenceAmbiguous, from, reference.Text, matches.Count));
        }
        if (reference.Kind == ReferenceKind.Urn)
            return new Resolution(null, inBundle
                ? IssueAt.Node(IssueCatalogue.ValReferenceInBundleMissing, run.Options.UnresolvedReferenceSeverity ?? IssueSeverity.Warning, from, reference.Text)
                : null);
        return new Resolution(run.Options.Resolver?.Invoke(reference.Text), null);
    }

    private static Resolution Contained(ElementNode from, ReferenceText reference)
    {
        var container = from.ResourceRoot;
        while (container is { Name: "contained", Parent: { } parent } && parent.ResourceRoot is { } outer) container = outer;
        if (container is null) return default;
        if (string.IsNullOrEmpty(reference.Id)) return new Resolution(container, null);
        foreach (var contained in container.ChildrenNamed("contained"))
            if (contained.Child("id")?.Text == reference.Id) return new Resolution(contained, null);
        return new Resolution(null, IssueAt.Node(IssueCatalogue.ValReferenceContainedMissing, from, reference.Text));
    }

    /// <summary>
    /// The Bundle a resource is an entry of (with the entry's fullUrl), or the Parameters it is a parameter of, or
    /// the resource itself when it is a Bundle or Parameters.
    /// </summary>
    private static (ElementNode? Container, string? FullUrl) EnclosingBundle(ElementNode resource)
    {
        if (resource is { Name: "resource", Parent: { Name: "entry" } entry } && entry.Parent is { InstanceType: "Bundle" } bundle)
            return (bundle, entry.Child("fullUrl")?.Text);
        if (resource is { Name: "resource", Parent: { Name: "parameter" or "part" } parameter })
        {
            var top = parameter;
            while (top.Parent is { Name: "parameter" or "part" } up) top = up;
            if (top.Parent is { InstanceType: "Parameters" } parameters) return (parameters, null);
        }
        return resource.InstanceType is "Bundle" or "Parameters" ? (resource, null) : (null, null);
    }
}
