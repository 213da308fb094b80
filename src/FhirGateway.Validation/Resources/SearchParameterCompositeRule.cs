using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources;

/// <summary>
/// A composite search parameter combines other parameters (SearchParameter.component: "used to define the parts of a
/// composite search parameter"): it needs at least two components, or there is nothing to combine.
/// </summary>
internal sealed class SearchParameterCompositeRule : IResourceRule
{
    public bool AppliesTo(ElementNode resource) => resource.InstanceType == "SearchParameter" && resource.Child("type")?.Text == "composite";

    public CheckResult Validate(ElementNode resource, ValidationRun run)
    {
        var components = resource.ChildrenWithName("component").Count();
        return components > 1 ? CheckResult.Success : CheckResult.Of(IssueAt.Node(IssueCatalogue.ValSearchParameterComponents, resource, components));
    }
}
