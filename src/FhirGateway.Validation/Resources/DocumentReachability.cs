using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.References;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources;

/// <summary>
/// A document Bundle holds the Composition and what it needs (https://hl7.org/fhir/R4/documents.html): its stylesheet
/// links that name a resource (<c>Binary/css</c>) must find it in the Bundle, and every entry must be reachable from
/// the Composition or a stylesheet by following references, forward (an entry a reached one refers to) or backward (an
/// entry that refers to a reached one).
/// </summary>
internal static class DocumentReachability
{
    public static void Check(ElementNode bundle, BundleIndex index, ResultBuilder result)
    {
        var entries = bundle.ChildrenWithName("entry").Where(e => e.Child("resource") is not null).ToList();
        if (entries.Count == 0) return;
        var fullUrls = new Dictionary<ElementNode, string?>(ReferenceEqualityComparer.Instance);
        foreach (var entry in entries) fullUrls[entry.Child("resource")!] = entry.Child("fullUrl")?.Text;
        var reached = new HashSet<ElementNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<ElementNode>([entries[0].Child("resource")!]);
        foreach (var link in bundle.ChildrenWithName("link"))
        {
            if (link.Child("relation")?.Text != "stylesheet" || link.Child("url") is not { Text: { } url } at || ReferenceText.HasScheme(url)) continue;
            var targets = index.Resolve(ReferenceText.Parse(url), null);
            if (targets.Count == 0) result.Add(IssueAt.Node(IssueCatalogue.ValDocumentStylesheetMissing, at, url));
            foreach (var target in targets) pending.Push(target);
        }
        Follow(pending, reached, index, fullUrls);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var entry in entries)
            {
                var resource = entry.Child("resource")!;
                if (reached.Contains(resource) || !Targets(resource, index, fullUrls).Any(reached.Contains)) continue;
                Follow(new Stack<ElementNode>([resource]), reached, index, fullUrls);
                changed = true;
            }
        }
        foreach (var entry in entries)
            if (!reached.Contains(entry.Child("resource")!))
                result.Add(IssueAt.Node(IssueCatalogue.ValDocumentEntryUnreachable, entry, entry.Child("fullUrl")?.Text ?? entry.Child("resource")!.InstanceType ?? "?"));
    }

    private static void Follow(Stack<ElementNode> pending, HashSet<ElementNode> reached, BundleIndex index, Dictionary<ElementNode, string?> fullUrls)
    {
        while (pending.Count > 0)
        {
            var resource = pending.Pop();
            if (!reached.Add(resource)) continue;
            foreach (var target in Targets(resource, index, fullUrls)) pending.Push(target);
        }
    }

    /// <summary>The entries a resource's references (at any depth, contained resources included) resolve to in the Bundle.</summary>
    private static IEnumerable<ElementNode> Targets(ElementNode resource, BundleIndex index, Dictionary<ElementNode, string?> fullUrls)
    {
        var from = fullUrls.GetValueOrDefault(resource);
        var pending = new Stack<ElementNode>([resource]);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.InstanceType == "Reference" && node.Child("reference")?.Text is { } text && !text.StartsWith('#'))
                foreach (var target in index.Resolve(ReferenceText.Parse(text), from)) yield return target;
            foreach (var child in node.Children) pending.Push(child);
        }
    }
}
