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
/// that profile's generated snapshot. An element
/// counts where the walk reaches it: the resource's own elements and, below them, the children of backbone elements
/// (as deep as backbone elements go); extensions by the slice whose profile is their url. Resource infrastructure
/// (id, meta, text, contained…) and a backbone element's id are left out: they say nothing about what the profile
/// asks a receiver to support.
/// </summary>
internal static class MappedElements
{
    private static readonly HashSet<string> Infrastructure = new(StringComparer.Ordinal)
        { "id", "meta", "implicitRules", "language", "text", "contained", "modifierExtension", "extension", "resourceType" };

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<IReadOnlySet<string>>>> Instances = new(Collect, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<ElementDefinitionInfo>>> Snapshots = new(() =>
        ClinicIgDefinitions.Definitions.StructureDefinitions().Where(sd => sd.Kind == "resource")
            .ToDictionary(sd => sd.Url, sd => SnapshotGenerator.For(ClinicIgDefinitions.WithCore).Generate(sd).Definition.Snapshot), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>For each resource profile with mapped instances, the element keys (ids without slice names, extension slices by name) each instance fills.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<IReadOnlySet<string>>> ByProfile => Instances.Value;

    public static IReadOnlyList<ElementDefinitionInfo> Snapshot(string profile) => Snapshots.Value[profile];

    /// <summary>The key of a snapshot element as the walk names it: its id with slice names dropped, except extension slices'.</summary>
    public static string Key(ElementDefinitionInfo element) =>
        string.Join(".", (element.Id ?? element.Path).Split('.').Select(part =>
            part.Split(':') is [var name, _] && name is not ("extension" or "modifierExtension") ? name : part));

    private static IReadOnlyDictionary<string, IReadOnlyList<IReadOnlySet<string>>> Collect()
    {
        var mapper = new RecordMapper();
        var builder = new TransactionBundleBuilder();
        var found = new Dictionary<string, List<IReadOnlySet<string>>>(StringComparer.Ordinal);
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
                    var keys = new HashSet<string>(StringComparer.Ordinal);
                    Walk(resource, resource.GetProperty("resourceType").GetString()!, snapshot, keys);
                    (found.TryGetValue(profile, out var list) ? list : found[profile] = []).Add(keys);
                }
            }
        }
        return found.ToDictionary(p => p.Key, p => (IReadOnlyList<IReadOnlySet<string>>)p.Value, StringComparer.Ordinal);
    }

    private static void Walk(JsonElement node, string path, IReadOnlyList<ElementDefinitionInfo> snapshot, HashSet<string> keys)
    {
        foreach (var property in node.EnumerateObject())
        {
            var name = property.Name.TrimStart('_');
            if (name == "extension") Extensions(property.Value, path, snapshot, keys);
            if (Infrastructure.Contains(name)) continue;
            var element = snapshot.FirstOrDefault(e => e.Path == $"{path}.{name}" && e.SliceName is null)
                ?? snapshot.FirstOrDefault(e => e.Path.EndsWith("[x]", StringComparison.Ordinal) && e.SliceName is null
                    && e.Path.StartsWith(path + ".", StringComparison.Ordinal) && name.StartsWith(e.Path[(path.Length + 1)..^3], StringComparison.Ordinal)
                    && e.Path.Count(c => c == '.') == path.Count(c => c == '.') + 1);
            if (element is null) continue;
            keys.Add(element.Path);
            if (element.Types.Any(t => t.Code == "BackboneElement"))
                foreach (var item in property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().ToList() : [property.Value])
                    if (item.ValueKind == JsonValueKind.Object) Walk(item, element.Path, snapshot, keys);
        }
    }

    private static void Extensions(JsonElement extensions, string path, IReadOnlyList<ElementDefinitionInfo> snapshot, HashSet<string> keys)
    {
        if (extensions.ValueKind != JsonValueKind.Array) return;
        foreach (var extension in extensions.EnumerateArray())
        {
            var url = extension.TryGetProperty("url", out var u) ? u.GetString() : null;
            var slice = snapshot.FirstOrDefault(e => e.Path == $"{path}.extension" && e.SliceName is not null && e.Types.Any(t => t.Profiles.Contains(url)));
            if (slice is not null) keys.Add(Key(slice));
        }
    }
}
