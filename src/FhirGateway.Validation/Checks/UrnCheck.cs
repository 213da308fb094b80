using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// A uri that uses the urn:uuid: or urn:oid: scheme must be a valid uuid or oid: checked against the definitions
/// of the <c>uuid</c> and <c>oid</c> types, which R4 derives from uri for exactly these forms.
/// </summary>
internal sealed class UrnCheck : IElementCheck
{
    public static readonly UrnCheck Instance = new();

    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        var text = node.Text;
        var type = text switch
        {
            not null when text.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase) => "uuid",
            not null when text.StartsWith("urn:oid:", StringComparison.OrdinalIgnoreCase) => "oid",
            _ => null,
        };
        if (type is null || node.InstanceType == type || run.Schemas.Find(type) is not { } schema) return CheckResult.Success;
        return schema.Root.Validate(node, run).IsFailure
            ? CheckResult.Of(IssueAt.Node(IssueCatalogue.ValUrnInvalid, node, text, type, type == "uuid" ? "UUID" : "OID"))
            : CheckResult.Success;
    }
}
