using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources;

/// <summary>
/// A search parameter that refers to the one it is defined by must keep its type: SearchParameter.derivedFrom
/// ("the details in the search parameter must be consistent with the definition from which it is defined") and
/// CapabilityStatement.rest.resource.searchParam.definition (whose type says how the same parameter is searched).
/// The referred parameter comes from the definitions; one they do not hold is not checked.
/// </summary>
internal sealed class SearchParameterTypeRule : IResourceRule
{
    public bool AppliesTo(ElementNode resource) => resource.InstanceType is "SearchParameter" or "CapabilityStatement";

    public CheckResult Validate(ElementNode resource, ValidationRun run)
    {
        if (resource.InstanceType == "SearchParameter")
            return Check(resource, resource.Child("derivedFrom")?.Text, resource.Child("type")?.Text, run);
        var result = CheckResult.Success;
        foreach (var rest in resource.ChildrenWithName("rest"))
            foreach (var type in rest.ChildrenWithName("resource"))
                foreach (var parameter in type.ChildrenWithName("searchParam"))
                    result = CheckResult.Combine(result, Check(parameter, parameter.Child("definition")?.Text, parameter.Child("type")?.Text, run));
        return result;
    }

    private static CheckResult Check(ElementNode at, string? reference, string? type, ValidationRun run)
    {
        if (reference is null || type is null || run.Schemas.Definitions.FindSearchParameter(reference) is not { } defined) return CheckResult.Success;
        return defined.Type != type
            ? CheckResult.Of(IssueAt.Node(IssueCatalogue.ValSearchParameterType, at, type, defined.Type, reference))
            : CheckResult.Success;
    }
}
