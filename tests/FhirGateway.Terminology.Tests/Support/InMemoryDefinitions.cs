using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Terminology.Tests.Support;

/// <summary>A small definition source of hand-built value sets and code systems, for synthetic tests (put in front of core with DefinitionResolver).</summary>
internal sealed class InMemoryDefinitions(params object[] definitions) : IDefinitionSource
{
    public string Description => "test definitions";

    public IEnumerable<DefinitionEntry> List(DefinitionKind kind) => [];

    public object? Find(DefinitionKind kind, string canonical)
    {
        var (url, version) = Canonical.Split(canonical);
        var matches = definitions.Where(d => (kind, d) switch
        {
            (DefinitionKind.ValueSet, ValueSetInfo v) => v.Url == url && (version is null || v.Version == version),
            (DefinitionKind.CodeSystem, CodeSystemInfo c) => c.Url == url && (version is null || c.Version == version),
            _ => false,
        });
        return matches.LastOrDefault();
    }
}
