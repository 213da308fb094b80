using System.Text.Json;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Snapshots;
using FhirGateway.Mapping.Bundles;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Ig;

/// <summary>
/// What the mapping fills, per profile: every good seed mapped to its transaction Bundle, and each instance (the
/// Bundle and each entry's resource, by its meta.profile and the clinic profiles that one derives from) read against
/// that profile's generated snapshot. <see cref="Instance.Filled"/> holds every element path an instance fills, at
/// any depth (extensions also by the slice whose profile is their url); <see cref="Instance.Candidates"/> the ones
/// that are to be marked when always filled: the resource's own elements and, below them, the children of backbone
/// elements (as deep as backbone elements go), with extension slices at those levels. Resource infrastructure (id,
/// meta, text, contained…) and a backbone element's id are left out: they say nothing about what the profile asks a
/// receiver to support.
/// </summary>
internal static class MappedElements
{
    private static readonly HashSet<string> Infrastructure = new(StringComparer.Ordinal)
        { "id", "meta", "implicitRules", "language", "text", "contained", "modifierExtension", "extension", "resourceType" };

    /// <summary>What one mapped instance fills: every element path, and those that are candidates for mustSupport.</summary>
    public sealed record Instance(IReadOnlySet<string> Filled, IReadOnlySet<string> Candidates);

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<Instance>>> Instances = new(Collect, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<ElementDefinitionInfo>>> Snapshots = new(() =>
        ClinicIgDefinitions.Definitions.StructureDefinitions().Where(sd => sd.Kind == "resource")
            .ToDictionary(sd => sd.Url, sd => SnapshotGenerator.For(ClinicIgDefinitions.WithCore).Generate(sd).Definition.Snapshot), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>For each resource profile with mapped instances, what each instance fills (element paths; extension slices as <c>path.extension:slice</c>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Instance>> ByProfile => Instances.Value;

    public static IReadOnlyList<ElementDefinitionInfo> Snapshot(string profile) => Snapshots.Value[profile];

    /// <summary>The key of a snapshot element as the walk names it: its id with slice names dropped, except extension slices'.</summary>
    public static string Key(ElementDefinitionInfo element) =>
        string.Join(".", (element.Id ?? element.Path).Split('.').Select(part =>
            part.Split(':') is [var name, _] && name is not ("extension" or "modifierExtension") ? name : part));

    private static IReadOnlyDictionary<string, IReadOnlyList<Instance>> Collect()
    {
        var mapper = new RecordMapper();
        var builder = new TransactionBundleBuilder();
        var found = new Dictionary<string, List<Instance>>(StringComparer.Ordinal);
        foreach (var seed in RepoFiles.GoodSeeds())
        {
            using var bundle = JsonDocument.Parse(builder.Build([mapper.Map(RepoFiles.Seed(seed)).Record!]).Json);
            var resources = new List<JsonElement> { bundle.RootElement };
            resources.AddRange(bundle.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")));
            foreach (var resource in resources)
            {
                if (!resource.TryGetProperty("meta", out var meta) || !meta.TryGetProperty("profile", out var profiles)) continue;
                // An instance of a profile is an instance of every clinic profile it derives from.
                for (var profile = profiles[0].GetString(); profile is not null && Snapshots.Value.TryGetValue(profile, out var snapshot);
                     profile = ClinicIgDefinitions.Definitions.FindStructureDefinition(profile)?.BaseDefinition)
                {
                    var instance = new Instance(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
                    Walk(resource, resource.GetProperty("resourceType").GetString()!, snapshot, instance, candidates: true);
                    (found.TryGetValue(profile, out var list) ? list : found[profile] = []).Add(instance);
                }
            }
        }
        return found.ToDictionary(p => p.Key, p => (IReadOnlyList<Instance>)p.Value, StringComparer.Ordinal);
    }

    private static void Walk(JsonElement node, string path, IReadOnlyList<ElementDefinitionInfo> snapshot, Instance instance, bool candidates)
    {
        foreach (var property in node.EnumerateObject())
        {
            var name = property.Name.TrimStart('_');
            if (name == "extension") Extensions(property.Value, path, snapshot, instance, candidates);
            // Resource infrastructure at the root; an element's id and extensions (taken by slice above) anywhere.
            if (path.Contains('.', StringComparison.Ordinal) ? name is "id" or "extension" or "modifierExtension" : Infrastructure.Contains(name)) continue;
            var element = snapshot.FirstOrDefault(e => e.Path == $"{path}.{name}" && e.SliceName is null)
                ?? snapshot.FirstOrDefault(e => e.Path.EndsWith("[x]", StringComparison.Ordinal) && e.SliceName is null
                    && e.Path.StartsWith(path + ".", StringComparison.Ordinal) && name.StartsWith(e.Path[(path.Length + 1)..^3], StringComparison.Ordinal)
                    && e.Path.Count(c => c == '.') == path.Count(c => c == '.') + 1);
            var elementPath = element?.Path ?? $"{path}.{name}";
            Add(instance, elementPath, candidates && element is not null);
            var backbone = element is not null && element.Types.Any(t => t.Code == "BackboneElement");
            foreach (var item in property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().ToList() : [property.Value])
                if (item.ValueKind == JsonValueKind.Object) Walk(item, elementPath, snapshot, instance, candidates && backbone);
        }
    }

    private static void Add(Instance instance, string key, bool candidate)
    {
        ((HashSet<string>)instance.Filled).Add(key);
        if (candidate) ((HashSet<string>)instance.Candidates).Add(key);
    }

    private static void Extensions(JsonElement extensions, string path, IReadOnlyList<ElementDefinitionInfo> snapshot, Instance instance, bool candidates)
    {
        if (extensions.ValueKind != JsonValueKind.Array) return;
        foreach (var extension in extensions.EnumerateArray())
        {
            var url = extension.TryGetProperty("url", out var u) ? u.GetString() : null;
            var slice = snapshot.FirstOrDefault(e => e.Path == $"{path}.extension" && e.SliceName is not null && e.Types.Any(t => t.Profiles.Contains(url)));
            if (slice is not null) Add(instance, Key(slice), candidates);
        }
    }
}
