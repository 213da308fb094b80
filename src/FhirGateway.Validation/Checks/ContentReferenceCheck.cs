using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// An element defined by reference to another element of the same structure (<c>Questionnaire.item.item</c>
/// reuses <c>#Questionnaire.item</c>): validated against that element's schema, found in the structure's
/// element index, which is complete before the structure is published.
/// </summary>
internal sealed class ContentReferenceCheck(string targetPath, IReadOnlyDictionary<string, ElementSchema> structureElements) : IElementCheck
{
    public CheckResult Validate(ElementNode node, ValidationRun run) =>
        structureElements.TryGetValue(targetPath, out var target) ? target.Validate(node, run) : CheckResult.Success;
}
