using FhirGateway.Fhir.Definitions.Pack;
using FhirGateway.Fhir.Definitions.Sources;

namespace FhirGateway.Fhir.Definitions;

/// <summary>The FHIR R4 (4.0.1) core definitions, read from the pack embedded in this assembly on first use.</summary>
public static class CoreDefinitions
{
    internal const string PackResourceName = "FhirGateway.Fhir.Definitions.Pack.r4-core.pack";

    private static readonly Lazy<IndexedDefinitionSource> Core = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>R4 core: every StructureDefinition (types, resources, profiles, extensions), ValueSet (with expansions), CodeSystem and SearchParameter.</summary>
    public static IDefinitionSource R4 => Core.Value;

    internal static IndexedDefinitionSource Load()
    {
        using var stream = typeof(CoreDefinitions).Assembly.GetManifestResourceStream(PackResourceName)
            ?? throw new InvalidOperationException($"The embedded R4 definitions pack '{PackResourceName}' is missing from the build.");
        return DefinitionPack.Open(stream, "embedded R4 core pack");
    }
}
