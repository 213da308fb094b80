using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.References;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources;

/// <summary>
/// Bundle.entry.fullUrl (https://hl7.org/fhir/R4/bundle.html): "the absolute URL for the resource", which "SHALL NOT
/// disagree with the id in the resource": an absolute URL, and when it is a RESTful one ending in Type/id, the
/// entry's resource has that type and id. Except in transactions and batches and their responses (where a POST may
/// carry none), every entry has a fullUrl. Bundle.link: the paging and identity relations name one link each.
/// </summary>
internal sealed class BundleRule : IResourceRule
{
    private static readonly HashSet<string> FullUrlOptional = new(StringComparer.Ordinal) { "transaction", "transaction-response", "batch", "batch-response" };

    private static readonly HashSet<string> SingleLinks = new(StringComparer.Ordinal) { "self", "first", "previous", "prev", "next", "last" };

    public bool AppliesTo(ElementNode resource) => resource.InstanceType == "Bundle";

    public CheckResult Validate(ElementNode resource, ValidationRun run)
    {
        var result = CheckLinks(resource);
        var type = resource.Child("type")?.Text;
        foreach (var entry in resource.ChildrenWithName("entry"))
        {
            if (entry.Child("fullUrl") is not { Text: { } fullUrl } node)
            {
                if (type is not null && !FullUrlOptional.Contains(type))
                    result = CheckResult.Combine(result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValBundleFullUrlMissing, entry, type)));
                continue;
            }
            if (!ReferenceText.HasScheme(fullUrl))
            {
                result = CheckResult.Combine(result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValBundleFullUrlRelative, entry, fullUrl)));
                continue;
            }
            if (entry.Child("resource") is not { InstanceType: { } resourceType } entryResource || entryResource.Child("id")?.Text is not { } id) continue;
            var parsed = ReferenceText.Parse(fullUrl);
            if (parsed.Kind == ReferenceKind.Absolute && parsed.Type is { } urlType && run.Types.FindType(urlType) is { Kind: TypeKind.Resource }
                && (urlType != resourceType || parsed.Id != id))
                result = CheckResult.Combine(result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValBundleFullUrlMismatch, node, fullUrl, $"{urlType}/{parsed.Id}", $"{resourceType}/{id}")));
        }
        return result;
    }

    private static CheckResult CheckLinks(ElementNode bundle)
    {
        var result = CheckResult.Success;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in bundle.ChildrenWithName("link"))
            if (link.Child("relation")?.Text is { } relation && SingleLinks.Contains(relation) && !seen.Add(relation))
                result = CheckResult.Combine(result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValBundleLinkRepeated, link, relation)));
        return result;
    }
}
