using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Sources;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization;
using FhirGateway.Fhir.Serialization.Xml;

namespace FhirGateway.Validation.Setup;

/// <summary>What a validation is composed of, given as a user gives it to <c>fhirgw validate</c>.</summary>
public sealed record WorkspaceInputs
{
    /// <summary>
    /// The <c>--ig</c> arguments, in order: FHIR packages (a <c>.tgz</c>, or a folder with a <c>package.json</c>), loaded
    /// with their dependencies from <see cref="Packages"/>; loose definitions (a folder of resources, an IG source, one file).
    /// </summary>
    public IReadOnlyList<string> Igs { get; init; } = [];

    /// <summary>What stands behind the IGs: R4 core, or the clinic IG in front of it.</summary>
    public IDefinitionSource Behind { get; init; } = CoreDefinitions.R4;

    /// <summary>Where the dependencies of packages are looked for.</summary>
    public PackageFolder Packages { get; init; } = PackageFolder.Default;

    /// <summary>The files being validated.</summary>
    public IReadOnlyList<string> Instances { get; init; } = [];

    /// <summary>References <c>Type/id</c> also resolve to <c>Type-id.json</c> beside the instances (what <c>--check-references</c> turns on).</summary>
    public bool ResolveBesideInstances { get; init; }
}

/// <summary>
/// The one composition of a validation, shared by <c>fhirgw validate</c> and the conformance tests: the IGs' definitions
/// (packages with their dependencies, loose files) in front of <see cref="WorkspaceInputs.Behind"/>; every resource of
/// the loose files (Questionnaires, Patients, ImplementationGuides…) as a target of references and canonicals; the global
/// profiles their ImplementationGuides declare; profiles asked for by canonical or by file. Opening it throws only for
/// what cannot be read at all (a missing path, a package that is not one); dependencies it lacks are listed in
/// <see cref="Notes"/>.
/// </summary>
public sealed class ValidationWorkspace
{
    private ValidationWorkspace(DefinitionResolver definitions, ResourceIndex resources, IReadOnlyList<string> notes, IReadOnlyList<FhirPackage> packages)
    {
        Definitions = definitions;
        Resources = resources;
        Notes = notes;
        Packages = packages;
        GlobalProfiles = resources.Resources
            .Where(r => r.InstanceType == "ImplementationGuide")
            .SelectMany(ig => ig.ChildrenNamed("global"))
            .Select(g => (Type: g.Child("type")?.Text, Profile: g.Child("profile")?.Text))
            .Where(g => g.Type is not null && g.Profile is not null)
            .GroupBy(g => g.Type!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Profile!).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    public DefinitionResolver Definitions { get; }

    public ResourceIndex Resources { get; }

    /// <summary>What the user should know about the composition: each dependency that is not in the package folder.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The packages loaded (those given, then their dependencies).</summary>
    public IReadOnlyList<FhirPackage> Packages { get; }

    /// <summary>The global profiles of the loaded ImplementationGuides, by resource type.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> GlobalProfiles { get; }

    public static ValidationWorkspace Open(WorkspaceInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var sources = new List<IDefinitionSource>();
        var notes = new List<string>();
        var packages = new List<FhirPackage>();
        var looseFiles = new List<string>();
        foreach (var ig in inputs.Igs)
        {
            if (IsPackage(ig))
            {
                var set = PackageSet.Load(ig, inputs.Packages);
                packages.AddRange(set.Packages);
                sources.AddRange(set.Packages.Select(DefinitionSources.OpenPackage));
                notes.AddRange(set.Missing);
            }
            else
            {
                sources.Add(DefinitionSources.OpenFiles(ig));
                looseFiles.AddRange(Directory.Exists(ig) ? DefinitionSources.ResourceFiles(ig) : [ig]);
            }
        }
        var definitions = new DefinitionResolver([.. sources, inputs.Behind]);
        string[] folders = !inputs.ResolveBesideInstances ? [] : inputs.Instances.Select(i => Path.GetDirectoryName(Path.GetFullPath(i))!).ToArray();
        var resources = new ResourceIndex(looseFiles, folders, new StructureTypeModel(definitions));
        return new ValidationWorkspace(definitions, resources, notes, packages);
    }

    /// <summary>A validator over the workspace: <paramref name="options"/> with the workspace's resolver and global profiles.</summary>
    public FhirValidator CreateValidator(ValidatorOptions? options = null)
    {
        options ??= ValidatorOptions.Default;
        return new FhirValidator(Definitions, options with { Resolver = options.Resolver ?? Resources.Resolve, GlobalProfiles = GlobalProfiles });
    }

    /// <summary>
    /// The canonical of a profile given as a user gives <c>--profile</c>: a canonical URL as it is, or the path of a
    /// StructureDefinition file (JSON or XML), whose url is taken (the file must also be among the IGs to be known).
    /// </summary>
    public static string ProfileCanonical(string profile)
    {
        if (!File.Exists(profile)) return profile;
        var bytes = File.ReadAllBytes(profile);
        if (FhirFormats.Detect(bytes, profile) == FhirFormat.Xml)
            bytes = FhirXmlConversion.ToJson(bytes, profile).Json ?? throw new DefinitionFormatException($"{profile} is not a StructureDefinition that can be read");
        // Only the url is taken here: a definition that cannot be read is reported where it is used, as an issue.
        using var document = System.Text.Json.JsonDocument.Parse(bytes);
        return document.RootElement.TryGetProperty("url", out var url) && url.ValueKind == System.Text.Json.JsonValueKind.String
            ? url.GetString()!
            : throw new DefinitionFormatException($"{profile} has no url, so it cannot be asked for as a profile");
    }

    /// <summary>A FHIR package: a <c>.tgz</c>, or a folder with a <c>package.json</c> (in it or in its <c>package</c> folder).</summary>
    public static bool IsPackage(string path) =>
        path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase)
        || File.Exists(Path.Combine(path, "package.json"))
        || File.Exists(Path.Combine(path, "package", "package.json"));
}
