using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>ElementDefinition.maxLength: the most characters a primitive value may have.</summary>
internal sealed class MaxLengthCheck(int maxLength) : IElementCheck
{
    public CheckResult Validate(ElementNode node, ValidationRun run) =>
        node.Text is { } text && text.Length > maxLength && !node.IsXhtmlText()
            ? CheckResult.Of(IssueAt.Node(IssueCatalogue.ValMaxLength, node, text.Length, maxLength))
            : CheckResult.Success;
}
