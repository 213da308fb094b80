using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources;

/// <summary>
/// A search parameter derived from another (SearchParameter.derivedFrom: "the details in the search parameter must be
/// consistent with the definition from which it is defined") searches no resource type the original does not: each
/// of its base types is one of the original's (or the original applies to every Resource). The type is checked by
/// <see cref="SearchParameterTypeRule"/>; an original the definitions do not hold is not checked.
/// </summary>
internal sealed class SearchParameterDerivationRule : IResourceRule
{
    public bool AppliesTo(ElementNode resource) => resource.InstanceType == "SearchParameter" && resource.Child("derivedFrom")?.Text is not null;

    public CheckResult Validate(ElementNode resource, ValidationRun run)
    {
        var reference = resource.Child("derivedFrom")!.Text!;
        if (run.Schemas.Definitions.FindSearchParameter(reference) is not { } original || original.Base.Contains("Resource")) return CheckResult.Success;
        var result = new ResultBuilder();
        foreach (var type in resource.ChildrenWithName("base"))
            if (type.Text is { } name && !original.Base.Contains(name))
                result.Add(IssueAt.Node(IssueCatalogue.ValSearchParameterBase, resource, name, reference, string.Join(", ", original.Base)));
        return result.ToResult();
    }
}
