using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources;

/// <summary>
/// A StructureDefinition that defines an extension (type Extension, based on Extension itself) names it by its url, and
/// an instance names the extension by Extension.url (R4 Extension.url: "Source of the definition for the extension
/// code - a logical name or a URL"): so the differential fixes Extension.url, to the definition's own url.
/// </summary>
internal sealed class ExtensionDefinitionUrlRule : IResourceRule
{
    private const string ExtensionBase = "http://hl7.org/fhir/StructureDefinition/Extension";

    public bool AppliesTo(ElementNode resource) =>
        resource.InstanceType == "StructureDefinition" && resource.Child("type")?.Text == "Extension"
        && resource.Child("baseDefinition")?.Text == ExtensionBase && resource.Child("url")?.Text is not null;

    public CheckResult Validate(ElementNode resource, ValidationRun run)
    {
        var url = resource.Child("url")!.Text!;
        var element = resource.Child("differential")?.ChildrenWithName("element").FirstOrDefault(e => e.Child("path")?.Text == "Extension.url");
        var fixedUrl = element?.Children.FirstOrDefault(c => c.Name.StartsWith("fixed", StringComparison.Ordinal))?.Text;
        if (fixedUrl is null) return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValExtensionDefinitionUrlMissing, resource, url));
        return fixedUrl == url ? CheckResult.Success : CheckResult.Of(IssueAt.Node(IssueCatalogue.ValExtensionDefinitionUrlMismatch, resource, fixedUrl, url));
    }
}
