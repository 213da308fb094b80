using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Compilation.Builders;

/// <summary>ElementDefinition.binding with strength required or extensible and a value set → <see cref="BindingCheck"/>; weaker bindings check nothing.</summary>
internal sealed class BindingBuilder : ICheckBuilder
{
    public void Build(ElementToCompile element, List<IElementCheck> checks)
    {
        if (element.Element.Binding is not { ValueSet: { } valueSet, Strength: var strength }) return;
        if (strength is "required" or "extensible") checks.Add(new BindingCheck(valueSet, strength == "required"));
    }
}
