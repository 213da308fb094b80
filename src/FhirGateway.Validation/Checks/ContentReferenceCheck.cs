using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// An element defined by reference to another element of the same structure (<c>Questionnaire.item.item</c>
/// reuses <c>#Questionnaire.item</c>): validated against that element's schema. In a type's own definition the target
/// is found in the structure's element index, complete before the structure is published. In a profile the recursive
/// copy takes the content of the type's own element, not the profile's: constraints and slices a profile puts on
/// <c>Parameters.parameter</c> are about the top-level parameters, not every <c>parameter.part</c> (a profile that means
/// to constrain the copies lists their elements, and then they are inline children, not a content reference).
/// </summary>
internal sealed class ContentReferenceCheck(string targetPath, IReadOnlyDictionary<string, ElementSchema> structureElements, string? baseType) : IElementCheck
{
    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        var elements = baseType is not null && run.Schemas.Find(baseType) is { } type ? type.ByPath : structureElements;
        return elements.TryGetValue(targetPath, out var target) || structureElements.TryGetValue(targetPath, out target)
            ? target.Validate(node, run)
            : CheckResult.Success;
    }
}
