using System.Runtime.CompilerServices;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Json;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.FhirPath.Functions;

/// <summary>
/// An <see cref="ElementDefinitionInfo"/> as a navigable FHIR <c>ElementDefinition</c> element, so that
/// <c>elementDefinition().binding.strength</c> works: written with the conformance writer inside a one-element
/// StructureDefinition, read back with the typed reader, and cached per definition record (they are immutable).
/// </summary>
internal static class ElementDefinitionNodes
{
    private static readonly ConditionalWeakTable<ElementDefinitionInfo, ElementNode> Nodes = new();
    private static readonly ConditionalWeakTable<ITypeModel, FhirJsonParser> Parsers = new();

    public static ElementNode For(ElementDefinitionInfo definition, ITypeModel? model) =>
        Nodes.GetValue(definition, d => Build(d, model ?? StructureTypeModel.R4Core));

    private static ElementNode Build(ElementDefinitionInfo definition, ITypeModel model)
    {
        var holder = new StructureDefinitionInfo
        {
            Url = "urn:fhirgateway:element-definition",
            Name = "ElementDefinitionHolder",
            Kind = "logical",
            Type = definition.Path.Split('.')[0],
            Snapshot = [definition],
        };
        var parser = Parsers.GetValue(model, m => new FhirJsonParser(m));
        var root = parser.Parse(ConformanceJsonWriter.Write(holder), definition.ToString()).Root
            ?? throw new InvalidOperationException($"The element definition {definition} could not be read back.");
        return root.Child("snapshot")?.Child("element")
            ?? throw new InvalidOperationException($"The element definition {definition} has no element after reading back.");
    }
}
