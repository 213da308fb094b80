using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Compilation;

/// <summary>Reads one aspect of an ElementDefinition (its type, its fixed value, its constraints…) and adds the checks it calls for.</summary>
internal interface ICheckBuilder
{
    void Build(ElementToCompile element, List<IElementCheck> checks);
}
