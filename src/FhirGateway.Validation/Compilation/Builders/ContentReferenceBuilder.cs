using FhirGateway.Fhir.Issues;
using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Compilation.Builders;

/// <summary>ElementDefinition.contentReference (<c>#Questionnaire.item</c>) → <see cref="ContentReferenceCheck"/>; in a profile, against the type's own element.</summary>
internal sealed class ContentReferenceBuilder : ICheckBuilder
{
    public void Build(ElementToCompile element, List<IElementCheck> checks)
    {
        if (element.Element.ContentReference is not { } reference) return;
        var hash = reference.IndexOf('#');
        if (hash < 0)
        {
            element.Context.Problems.Add(IssueCatalogue.ValSnapshotProblem.At(null, element.Context.Structure.Canonical,
                $"{element.Element.Path} has the content reference '{reference}', which names no element of the structure") with { Severity = IssueSeverity.Warning });
            return;
        }
        var target = reference[(hash + 1)..];
        var structure = element.Context.Structure;
        var baseType = structure.Derivation == "constraint" ? target.Split('.')[0] : null;
        checks.Add(new ContentReferenceCheck(target, element.Context.ByPath, baseType));
    }
}
