using FhirGateway.Fhir.Definitions.Json;

namespace FhirGateway.Fhir.Definitions.Sources;

/// <summary>A definition a source holds: its index entry, where its JSON comes from, and a name for messages.</summary>
public sealed record IndexedDefinition(DefinitionEntry Entry, Func<ReadOnlyMemory<byte>> Json, string Origin);

/// <summary>
/// A definition source over an index of entries whose JSON is read into Info records on first request and
/// then kept. Thread-safe: concurrent first requests may both read, one result is published and returned
/// to everybody. Within the source, the first definition of a <c>url|version</c> wins; a bare URL gives the
/// highest version, and a partial version (<c>|0.2</c>) the highest version it is the start of (<c>0.2.1</c>, not <c>0.20</c>).
/// </summary>
public sealed class IndexedDefinitionSource : IDefinitionSource
{
    private readonly IndexedDefinition[] _definitions;
    private readonly object?[] _materialised;
    private readonly Dictionary<string, int[]>[] _byUrl;

    public IndexedDefinitionSource(string description, IEnumerable<IndexedDefinition> definitions)
    {
        Description = description;
        _definitions = definitions.ToArray();
        _materialised = new object?[_definitions.Length];
        _byUrl = new Dictionary<string, int[]>[DefinitionKinds.All.Count];
        for (var k = 0; k < _byUrl.Length; k++)
        {
            var kind = (DefinitionKind)k;
            _byUrl[k] = Enumerable.Range(0, _definitions.Length)
                .Where(i => _definitions[i].Entry.Kind == kind)
                .GroupBy(i => _definitions[i].Entry.Url, StringComparer.Ordinal)
                .ToDictionary(g => g.Key,
                    g => g.OrderByDescending(i => _definitions[i].Entry.Version, VersionComparer.Instance).ThenBy(i => i).ToArray(),
                    StringComparer.Ordinal);
        }
    }

    public string Description { get; }

    public int Count => _definitions.Length;

    public IEnumerable<DefinitionEntry> List(DefinitionKind kind)
    {
        foreach (var d in _definitions)
            if (d.Entry.Kind == kind) yield return d.Entry;
    }

    public object? Find(DefinitionKind kind, string canonical)
    {
        var index = IndexOf(kind, canonical);
        return index < 0 ? null : Materialise(index);
    }

    private int IndexOf(DefinitionKind kind, string canonical)
    {
        var byUrl = _byUrl[(int)kind];
        if (byUrl.TryGetValue(canonical, out var candidates)) return candidates[0];
        var (url, version) = Canonical.Split(canonical);
        if (version is null || !byUrl.TryGetValue(url, out candidates)) return -1;
        foreach (var i in candidates)
            if (_definitions[i].Entry.Version == version) return i;
        // A partial version (major.minor of a semver, 0.2) names the highest version it is a prefix of (0.2.1).
        foreach (var i in candidates)
            if (_definitions[i].Entry.Version is { } v && v.Length > version.Length && v[version.Length] == '.' && v.StartsWith(version, StringComparison.Ordinal)) return i;
        return -1;
    }

    private object Materialise(int index)
    {
        var done = Volatile.Read(ref _materialised[index]);
        if (done is not null) return done;
        var d = _definitions[index];
        var read = ConformanceJsonReader.Read(d.Entry.Kind, d.Json().Span, d.Origin);
        return Interlocked.CompareExchange(ref _materialised[index], read, null) ?? read;
    }

    private sealed class VersionComparer : IComparer<string?>
    {
        public static readonly VersionComparer Instance = new();
        public int Compare(string? x, string? y) => Canonical.CompareVersions(x, y);
    }
}
