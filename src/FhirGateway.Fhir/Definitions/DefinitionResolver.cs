using FhirGateway.Fhir.Definitions.Sources;

namespace FhirGateway.Fhir.Definitions;

/// <summary>
/// An ordered chain of definition sources where the first source that knows a canonical wins: the clinic's
/// profiles, loose files and extra packages stand in front of core. For a bare URL the first source holding
/// that URL answers with its highest version; <c>url|version</c> looks for that exact version down the chain.
/// </summary>
public sealed class DefinitionResolver : IDefinitionSource
{
    private readonly IDefinitionSource[] _sources;

    public DefinitionResolver(IEnumerable<IDefinitionSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources.ToArray();
        if (_sources.Length == 0) throw new ArgumentException("A resolver needs at least one source.", nameof(sources));
    }

    /// <summary>A resolver over <paramref name="inFront"/> (in that order) followed by R4 core.</summary>
    public static DefinitionResolver WithCore(params IDefinitionSource[] inFront) => new([.. inFront, CoreDefinitions.R4]);

    /// <summary>A resolver with the given packages (<c>.tgz</c> or folders) and loose files or folders in front of R4 core.</summary>
    public static DefinitionResolver WithCore(IEnumerable<string> packages, IEnumerable<string> files) =>
        WithCore([.. files.Select(DefinitionSources.OpenFiles), .. packages.Select(DefinitionSources.OpenPackage)]);

    public IReadOnlyList<IDefinitionSource> Sources => _sources;

    public string Description => string.Join(" > ", _sources.Select(s => s.Description));

    public object? Find(DefinitionKind kind, string canonical)
    {
        foreach (var source in _sources)
            if (source.Find(kind, canonical) is { } found) return found;
        return null;
    }

    /// <summary>The definitions of a kind down the chain; a <c>url|version</c> shadowed by an earlier source is listed once.</summary>
    public IEnumerable<DefinitionEntry> List(DefinitionKind kind)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in _sources)
            foreach (var entry in source.List(kind))
                if (seen.Add(entry.Canonical)) yield return entry;
    }
}
