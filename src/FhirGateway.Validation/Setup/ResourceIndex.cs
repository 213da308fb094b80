using System.Collections.Concurrent;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization;

namespace FhirGateway.Validation.Setup;

/// <summary>
/// The resources references and canonicals may point at outside the instance: every resource of the given files
/// (and the entries of their Bundles), found by canonical <c>url</c> (with or without <c>|version</c>) and by
/// <c>Type/id</c>; and, for a <c>Type/id</c> none of them holds, the file <c>Type-id.json</c> (or <c>type-id.json</c>, or <c>.xml</c>)
/// in one of the folders of the instances being validated, as FHIR's example packages and test suites name their
/// files. Thread-safe; files beside the instances are read on first use.
/// </summary>
public sealed class ResourceIndex
{
    private readonly ConcurrentDictionary<string, ElementNode> _byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ElementNode?> _besideInstances = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _instanceFolders;
    private readonly FhirParser _parser;

    public ResourceIndex(IEnumerable<string> files, IEnumerable<string> instanceFolders, ITypeModel types)
    {
        _parser = new FhirParser(types);
        _instanceFolders = instanceFolders.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var file in files) AddFile(file);
    }

    /// <summary>How many resources the given files held.</summary>
    public int Count => _byKey.Values.Distinct().Count();

    public IEnumerable<ElementNode> Resources => _byKey.Values.Distinct();

    public ElementNode? Resolve(string reference)
    {
        if (_byKey.TryGetValue(reference, out var found)) return found;
        var bar = reference.LastIndexOf('|');
        if (bar > 0 && _byKey.TryGetValue(reference[..bar], out found)) return found;
        var parts = reference.Split('/');
        if (parts.Length < 2 || parts[^1].Length == 0) return null;
        var typeAndId = $"{parts[^2]}/{parts[^1]}";
        if (_byKey.TryGetValue(typeAndId, out found)) return found;
        return _besideInstances.GetOrAdd(typeAndId, static (key, self) => self.FindBesideInstances(key), this);
    }

    private ElementNode? FindBesideInstances(string typeAndId)
    {
        var slash = typeAndId.IndexOf('/', StringComparison.Ordinal);
        var (type, id) = (typeAndId[..slash], typeAndId[(slash + 1)..]);
        if (id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || id.Contains("..", StringComparison.Ordinal)) return null;
        foreach (var folder in _instanceFolders)
            foreach (var name in new[] { $"{type}-{id}.json", $"{type.ToLowerInvariant()}-{id}.json", $"{type}-{id}.xml", $"{type.ToLowerInvariant()}-{id}.xml" })
            {
                var path = Path.Combine(folder, name);
                if (!File.Exists(path)) continue;
                var root = Parse(path);
                if (root?.InstanceType == type && root.Child("id")?.Text == id) return root;
            }
        return null;
    }

    private void AddFile(string path)
    {
        if (FhirFormats.FromPath(path) is null) return;
        if (Parse(path) is not { } root) return;
        Add(root);
        if (root.InstanceType == "Bundle")
            foreach (var entry in root.ChildrenWithName("entry"))
                if (entry.Child("resource") is { } resource) Add(resource);
    }

    private ElementNode? Parse(string path)
    {
        try
        {
            return _parser.Parse(File.ReadAllBytes(path), path).Root;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Add(ElementNode resource)
    {
        if (resource.Child("url")?.Text is { } url)
        {
            _byKey.TryAdd(url, resource);
            if (resource.Child("version")?.Text is { } version) _byKey.TryAdd($"{url}|{version}", resource);
        }
        if (resource.Child("id")?.Text is { } id) _byKey.TryAdd($"{resource.InstanceType}/{id}", resource);
    }
}
