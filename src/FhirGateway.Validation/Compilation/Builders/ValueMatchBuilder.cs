using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Schema;
using FhirGateway.Validation.Values;

namespace FhirGateway.Validation.Compilation.Builders;

/// <summary>ElementDefinition.fixed[x] and pattern[x] → a <see cref="ValueMatchCheck"/> each (exact for fixed).</summary>
internal sealed class ValueMatchBuilder : ICheckBuilder
{
    public void Build(ElementToCompile element, List<IElementCheck> checks)
    {
        if (element.Element.Fixed is { } fixedValue) checks.Add(new ValueMatchCheck(ValueTree.Parse(fixedValue), exact: true));
        if (element.Element.Pattern is { } pattern) checks.Add(new ValueMatchCheck(ValueTree.Parse(pattern), exact: false));
    }
}
