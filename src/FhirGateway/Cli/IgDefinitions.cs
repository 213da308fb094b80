using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Cli;

/// <summary>What the <c>--ig</c> options of the commands name: FHIR packages (a .tgz, or a folder with a package.json) and loose definitions (a folder of resources, an IG source, one file).</summary>
internal static class IgDefinitions
{
    /// <summary>The given packages and loose definitions, in the order given, in front of <paramref name="behind"/> (R4 core when null).</summary>
    public static DefinitionResolver WithCore(IReadOnlyList<string> igs, IDefinitionSource? behind = null)
    {
        var sources = igs.Select(ig => IsPackage(ig)
            ? (IDefinitionSource)Fhir.Definitions.Sources.DefinitionSources.OpenPackage(ig)
            : Fhir.Definitions.Sources.DefinitionSources.OpenFiles(ig)).ToList();
        return behind is null ? DefinitionResolver.WithCore([.. sources]) : new DefinitionResolver([.. sources, behind]);
    }

    public static bool IsPackage(string path) => Validation.Setup.ValidationWorkspace.IsPackage(path);
}
