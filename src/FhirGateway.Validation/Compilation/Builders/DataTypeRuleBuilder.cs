using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Compilation.Builders;

/// <summary>
/// The root of a data type's own definition → the check for what the specification says of that type beyond
/// its elements: a Coding's code (and a Quantity's unit code) is defined by its system (<see cref="CodeInSystemCheck"/>), an Attachment's size is
/// the size of its data (<see cref="AttachmentCheck"/>), an Identifier in the URI system has a URI value (<see cref="IdentifierCheck"/>). Profiles of these types inherit the checks through the type.
/// </summary>
internal sealed class DataTypeRuleBuilder : ICheckBuilder
{
    private static readonly Dictionary<string, IElementCheck> Rules = new(StringComparer.Ordinal)
    {
        ["Coding"] = CodeInSystemCheck.Instance,
        ["Quantity"] = CodeInSystemCheck.Instance,
        ["Attachment"] = AttachmentCheck.Instance,
        ["Identifier"] = IdentifierCheck.Instance,
    };

    public void Build(ElementToCompile element, List<IElementCheck> checks)
    {
        var structure = element.Context.Structure;
        if (element.IsRoot && structure.Derivation != "constraint" && Rules.TryGetValue(structure.Type, out var rule)) checks.Add(rule);
    }
}
