using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.References;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// An Identifier whose system is <c>urn:ietf:rfc:3986</c> says its value is a URI (R4 Identifier.system: "the value is a
/// URL"); so the value must be an absolute URI, with a scheme (<c>urn:oid:2.16.840.1</c>, not <c>2.16.840.1</c>).
/// </summary>
internal sealed class IdentifierCheck : IElementCheck
{
    public static readonly IdentifierCheck Instance = new();

    private const string UriSystem = "urn:ietf:rfc:3986";

    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        if (node.Child("system")?.Text != UriSystem || node.Child("value")?.Text is not { } value || ReferenceText.HasScheme(value)) return CheckResult.Success;
        return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValIdentifierNotUri, node, value));
    }
}
