using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization;

namespace FhirGateway.Validation.Tests.Conformance;

/// <summary>
/// The resources a suite case loads that are not definitions (Questionnaires, Patients…), found by canonical
/// url (with or without version) and by <c>Type/id</c>; as the suite's README says, <c>Type/id</c> may also
/// name the file <c>type-id.json</c> (or <c>.xml</c>) beside the instance.
/// </summary>
internal sealed class SuiteResources
{
    private readonly Dictionary<string, ElementNode> _byKey = new(StringComparer.Ordinal);
    private readonly string _folder;
    private readonly FhirParser _parser;

    public SuiteResources(string folder, IEnumerable<string> files, ITypeModel types)
    {
        _folder = folder;
        _parser = new FhirParser(types);
        foreach (var file in files) Add(Path.Combine(folder, file));
    }

    public ElementNode? Resolve(string reference)
    {
        if (_byKey.TryGetValue(reference, out var found)) return found;
        var bar = reference.LastIndexOf('|');
        if (bar > 0 && _byKey.TryGetValue(reference[..bar], out found)) return found;
        var parts = reference.Split('/');
        if (parts.Length < 2) return null;
        var typeAndId = $"{parts[^2]}/{parts[^1]}";
        if (_byKey.TryGetValue(typeAndId, out found)) return found;
        var file = Path.Combine(_folder, $"{parts[^2].ToLowerInvariant()}-{parts[^1]}");
        return File.Exists(file + ".json") ? Add(file + ".json") : File.Exists(file + ".xml") ? Add(file + ".xml") : null;
    }

    /// <summary>The global profiles the loaded ImplementationGuides declare, by resource type.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> GlobalProfiles() => _byKey.Values
        .Where(r => r.InstanceType == "ImplementationGuide").Distinct()
        .SelectMany(ig => ig.ChildrenNamed("global"))
        .Select(g => (Type: g.Child("type")?.Text, Profile: g.Child("profile")?.Text))
        .Where(g => g.Type is not null && g.Profile is not null)
        .GroupBy(g => g.Type!)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Profile!).ToArray());

    private ElementNode? Add(string path)
    {
        if (FhirFormats.FromPath(path) is null || !File.Exists(path)) return null;
        var root = _parser.Parse(File.ReadAllBytes(path), path).Root;
        if (root is null) return null;
        if (root.Child("url")?.Text is { } url)
        {
            _byKey.TryAdd(url, root);
            if (root.Child("version")?.Text is { } version) _byKey.TryAdd($"{url}|{version}", root);
        }
        if (root.Child("id")?.Text is { } id) _byKey.TryAdd($"{root.InstanceType}/{id}", root);
        return root;
    }
}
