using FhirGateway.Fhir.Issues;
using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Definitions;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Compilation.Builders;

/// <summary>
/// ElementDefinition.constraint → one <see cref="InvariantCheck"/> per constraint with an expression, compiled
/// once by the shared FHIRPath compiler (with the corrections of <see cref="R4Errata"/>). A constraint that does not compile is a problem of the structure
/// (reported as a warning where it is used), not an exception.
/// </summary>
internal sealed class InvariantBuilder : ICheckBuilder
{
    public void Build(ElementToCompile element, List<IElementCheck> checks)
    {
        foreach (var constraint in element.Element.Constraints)
        {
            if (string.IsNullOrWhiteSpace(constraint.Expression)) continue;
            var compiled = element.Context.FhirPath.TryCompile(R4Errata.Expression(constraint));
            if (compiled.Expression is null)
            {
                element.Context.Problems.Add(IssueCatalogue.ValInvariantNotCompiled.At(null, constraint.Key, element.Element.Id ?? element.Element.Path,
                    compiled.Error?.Message));
                continue;
            }
            var severity = constraint.Severity == "warning" ? IssueSeverity.Warning : IssueSeverity.Error;
            var fromType = !element.IsRoot && constraint.Source is { } source && source != element.Context.Structure.Url;
            checks.Add(new InvariantCheck(constraint.Key, severity, constraint.Human, compiled.Expression, constraint.BestPractice, fromType));
        }
    }
}
