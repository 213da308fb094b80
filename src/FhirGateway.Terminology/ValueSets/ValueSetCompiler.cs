using System.Collections.Concurrent;
using System.Collections.Immutable;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Terminology.CodeSystems;

namespace FhirGateway.Terminology.ValueSets;

/// <summary>
/// Compiles value sets from the definitions, once per canonical|version, into an explicit concurrent cache.
/// Imports are compiled (and cached) on the way; an import cycle is cut and reported, never followed. Compiling
/// takes no lock, so two threads may compile the same set at once: both results are equal and the first stored wins.
/// </summary>
public sealed class ValueSetCompiler
{
    private readonly IDefinitionSource _definitions;
    private readonly CodeSystemRegistry _systems;
    private readonly ConcurrentDictionary<string, CompiledValueSet> _byCanonical = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CompiledValueSet> _byRequest = new(StringComparer.Ordinal);

    public ValueSetCompiler(IDefinitionSource definitions, CodeSystemRegistry systems)
    {
        _definitions = definitions ?? throw new ArgumentNullException(nameof(definitions));
        _systems = systems ?? throw new ArgumentNullException(nameof(systems));
    }

    /// <summary>The compiled value set that <paramref name="canonical"/> (url or url|version) names, or null when no definition has it.</summary>
    public CompiledValueSet? Get(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        if (_byRequest.TryGetValue(canonical, out var cached)) return cached;
        var compiled = Get(canonical, ImmutableHashSet<string>.Empty, out _);
        return compiled is null ? null : _byRequest.GetOrAdd(canonical, compiled);
    }

    /// <summary>How many value sets are compiled and cached.</summary>
    public int CachedCount => _byCanonical.Count;

    private CompiledValueSet? Get(string canonical, ImmutableHashSet<string> path, out bool cycle)
    {
        cycle = false;
        var definition = _definitions.FindValueSet(canonical);
        if (definition is null) return null;
        var key = definition.Canonical;
        if (_byCanonical.TryGetValue(key, out var cached)) return cached;
        if (path.Contains(key))
        {
            cycle = true;
            return null;
        }
        var compiled = Compile(definition, path.Add(key));
        return _byCanonical.GetOrAdd(key, compiled);
    }

    private CompiledValueSet Compile(ValueSetInfo definition, ImmutableHashSet<string> path)
    {
        Issue? problem = null;
        var includes = new List<ConceptSetRule>();
        var excludes = new List<ConceptSetRule>();
        foreach (var info in definition.Compose?.Include ?? []) includes.Add(Rule(definition, info, path, ref problem));
        foreach (var info in definition.Compose?.Exclude ?? []) excludes.Add(Rule(definition, info, path, ref problem));
        return new CompiledValueSet(definition, includes, excludes, problem);
    }

    private ConceptSetRule Rule(ValueSetInfo owner, ConceptSetInfo info, ImmutableHashSet<string> path, ref Issue? problem)
    {
        var imports = new List<CompiledValueSet>();
        Issue? importProblem = null;
        foreach (var reference in info.ValueSets)
        {
            var import = Get(reference, path, out var cycle);
            if (import is not null)
            {
                imports.Add(import);
                problem ??= import.Problem;
                continue;
            }
            var issue = cycle
                ? IssueCatalogue.TxValueSetCycle.At(null, owner.Canonical, reference)
                : IssueCatalogue.TxValueSetUnknown.At(null, reference, $"(imported by {owner.Canonical})");
            importProblem ??= issue;
            if (cycle) problem ??= issue;
        }
        var system = info.System is null ? null : _systems.Resolve(info.System, info.Version);
        return new ConceptSetRule(owner.Canonical, info, system, imports, importProblem);
    }
}
