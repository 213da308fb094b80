using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources;

/// <summary>
/// Resource.id is of type id (https://hl7.org/fhir/R4/resource.html#id), though the R4 snapshots type it as a
/// plain string: the id is checked against the definition of the <c>id</c> type.
/// </summary>
internal sealed class ResourceIdRule : IResourceRule
{
    public bool AppliesTo(ElementNode resource) => resource.Child("id") is { Text: not null };

    public CheckResult Validate(ElementNode resource, ValidationRun run)
    {
        var id = resource.Child("id")!;
        var schema = run.Schemas.Find("id");
        if (schema is null || !schema.Root.Validate(id, run).IsFailure) return CheckResult.Success;
        return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValResourceId, id, id.Text));
    }
}
