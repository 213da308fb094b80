using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Compilation.Builders;

/// <summary>The root of the Coding type's definition → <see cref="CodeInSystemCheck"/>, so every Coding anywhere is checked against its system.</summary>
internal sealed class CodeInSystemBuilder : ICheckBuilder
{
    public void Build(ElementToCompile element, List<IElementCheck> checks)
    {
        var structure = element.Context.Structure;
        if (element.IsRoot && structure.Type == "Coding" && structure.Derivation != "constraint") checks.Add(CodeInSystemCheck.Instance);
    }
}
