using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Schema;
using FhirGateway.Validation.Values;

namespace FhirGateway.Validation.Compilation.Builders;

/// <summary>
/// The root of a primitive type's definition → <see cref="PrimitiveValueCheck"/> from its <c>value</c> element:
/// the regex extension on the value's type, its FHIRPath system type and its maxLength; uri types also get
/// <see cref="UrnCheck"/> for their urn:uuid: and urn:oid: forms.
/// </summary>
internal sealed class PrimitiveValueBuilder : ICheckBuilder
{
    public void Build(ElementToCompile element, List<IElementCheck> checks)
    {
        if (!element.IsRoot || !element.Context.IsPrimitiveType) return;
        var value = element.Node.Children.FirstOrDefault(c => c.Name == "value")?.Element;
        if (value is null) return;
        var type = value.Types.Count > 0 ? value.Types[0] : null;
        var regex = type?.Regex is { } r ? LexicalPatterns.For(r) : null;
        var systemType = type?.Code is { } code && code.StartsWith("http://hl7.org/fhirpath/", StringComparison.Ordinal) ? code["http://hl7.org/fhirpath/".Length..] : null;
        var typeName = element.Context.Structure.Type;
        checks.Add(new PrimitiveValueCheck(typeName, regex, systemType, value.MaxLength));
        if (typeName is "uri" or "url" or "canonical") checks.Add(UrnCheck.Instance);
    }
}
