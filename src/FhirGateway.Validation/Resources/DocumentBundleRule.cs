using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.References;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources;

/// <summary>
/// A document Bundle (https://hl7.org/fhir/R4/documents.html) carries its content with it: every resource that the
/// Composition's sections list as entries must be an entry of the Bundle, found exactly once; stylesheets and the
/// reach of every entry as <see cref="DocumentReachability"/> checks.
/// </summary>
internal sealed class DocumentBundleRule : IResourceRule
{
    public bool AppliesTo(ElementNode resource) => resource.InstanceType == "Bundle" && resource.Child("type")?.Text == "document";

    public CheckResult Validate(ElementNode resource, ValidationRun run)
    {
        if (resource.Child("entry") is not { } first || first.Child("resource") is not { InstanceType: "Composition" } composition) return CheckResult.Success;
        var index = run.IndexOf(resource);
        var fullUrl = first.Child("fullUrl")?.Text;
        var result = new ResultBuilder();
        var sections = new Stack<ElementNode>(composition.ChildrenWithName("section"));
        while (sections.Count > 0)
        {
            var section = sections.Pop();
            foreach (var nested in section.ChildrenWithName("section")) sections.Push(nested);
            foreach (var entry in section.ChildrenWithName("entry"))
            {
                if (entry.Child("reference")?.Text is not { } text || text.StartsWith('#')) continue;
                var matches = index.Resolve(ReferenceText.Parse(text), fullUrl);
                if (matches.Count == 0) result.Add(IssueAt.Node(IssueCatalogue.ValDocumentEntryMissing, entry, text));
                else if (matches.Count > 1) result.Add(IssueAt.Node(IssueCatalogue.ValDocumentEntryAmbiguous, entry, text, matches.Count));
            }
        }
        DocumentReachability.Check(resource, index, result);
        return result.ToResult();
    }
}
