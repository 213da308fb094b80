using System.Collections.Concurrent;
using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Terminology.CodeSystems;

/// <summary>
/// Resolves a system URL (and version) to what terminology knows of it, in this order: a CodeSystem from the
/// definitions (not-present content defers to a built-in system), a built-in grammar or external system, else
/// unknown. Results are cached per url|version in a concurrent cache; thread-safe.
/// </summary>
public sealed class CodeSystemRegistry
{
    private readonly IDefinitionSource _definitions;
    private readonly ConcurrentDictionary<(string Url, string? Version), ICodeSystem> _cache = new();

    public CodeSystemRegistry(IDefinitionSource definitions)
    {
        _definitions = definitions ?? throw new ArgumentNullException(nameof(definitions));
    }

    public ICodeSystem Resolve(string url, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var key = (url, version);
        if (_cache.TryGetValue(key, out var known)) return known;
        return _cache.GetOrAdd(key, Build(url, version));
    }

    private ICodeSystem Build(string url, string? version)
    {
        if (version is not null)
        {
            if (_definitions.FindCodeSystem($"{url}|{version}") is { } exact && Usable(exact)) return FromDefinition(exact, url);
            var any = Resolve(url);
            return any.Knowledge is SystemKnowledge.Complete or SystemKnowledge.Partial && any.Version != version
                ? new VersionedFallback(any, version)
                : any;
        }
        if (_definitions.FindCodeSystem(url) is { } definition && Usable(definition)) return FromDefinition(definition, url);
        return KnownSystems.Builtin(url, _definitions) ?? new UnknownCodeSystem(url);
    }

    private ICodeSystem FromDefinition(CodeSystemInfo definition, string url) =>
        definition.Content == "not-present" && KnownSystems.Builtin(url, _definitions) is { } builtin
            ? builtin
            : new HeldCodeSystem(new CodeSystemIndex(definition));

    private static bool Usable(CodeSystemInfo definition) => definition.Content != "supplement";
}
