using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Compilation.Builders;

/// <summary>ElementDefinition.maxLength → <see cref="MaxLengthCheck"/> (the value element of a primitive type is read by <see cref="PrimitiveValueBuilder"/>).</summary>
internal sealed class MaxLengthBuilder : ICheckBuilder
{
    public void Build(ElementToCompile element, List<IElementCheck> checks)
    {
        if (element.Element.MaxLength is { } max and > 0) checks.Add(new MaxLengthCheck(max));
    }
}
