using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Compilation.Builders;

/// <summary>
/// An element of type Extension with no profile (<c>extension</c>, <c>modifierExtension</c>, or what a slicing
/// leaves unclaimed) → <see cref="ExtensionCheck"/>, which finds the extension's definition by its url.
/// </summary>
internal sealed class ExtensionBuilder : ICheckBuilder
{
    public void Build(ElementToCompile element, List<IElementCheck> checks)
    {
        if (element.Element.Types is not [{ Code: "Extension", Profiles.Count: 0 }]) return;
        checks.Add(new ExtensionCheck(element.Node.Name == "modifierExtension"));
    }
}
