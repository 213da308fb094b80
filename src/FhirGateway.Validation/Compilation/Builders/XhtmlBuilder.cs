using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Compilation.Builders;

/// <summary>An element of type xhtml (Narrative.div) → <see cref="XhtmlCheck"/>.</summary>
internal sealed class XhtmlBuilder : ICheckBuilder
{
    private static readonly XhtmlCheck Check = new();

    public void Build(ElementToCompile element, List<IElementCheck> checks)
    {
        if (element.Element.Types is [{ Code: "xhtml" }]) checks.Add(Check);
    }
}
