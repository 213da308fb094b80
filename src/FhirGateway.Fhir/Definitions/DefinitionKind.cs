namespace FhirGateway.Fhir.Definitions;

/// <summary>The kinds of conformance resource a definition source holds.</summary>
public enum DefinitionKind : byte
{
    StructureDefinition,
    ValueSet,
    CodeSystem,
    SearchParameter,
}

/// <summary>Maps resource type names to <see cref="DefinitionKind"/> and back.</summary>
public static class DefinitionKinds
{
    public static IReadOnlyList<DefinitionKind> All { get; } =
        [DefinitionKind.StructureDefinition, DefinitionKind.ValueSet, DefinitionKind.CodeSystem, DefinitionKind.SearchParameter];

    public static bool TryParse(string? resourceType, out DefinitionKind kind)
    {
        switch (resourceType)
        {
            case "StructureDefinition": kind = DefinitionKind.StructureDefinition; return true;
            case "ValueSet": kind = DefinitionKind.ValueSet; return true;
            case "CodeSystem": kind = DefinitionKind.CodeSystem; return true;
            case "SearchParameter": kind = DefinitionKind.SearchParameter; return true;
            default: kind = default; return false;
        }
    }

    public static string ResourceType(this DefinitionKind kind) => kind.ToString();
}
