using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Mapping.Bundles;

/// <summary>
/// Which search parameters a FHIR version defines for each resource type, read from the SearchParameter definitions
/// (a parameter whose base is <c>Resource</c> or <c>DomainResource</c> applies to every type). Immutable, thread-safe.
/// </summary>
public sealed class SearchParameterCatalog
{
    private static readonly Lazy<SearchParameterCatalog> Core = new(() => From(CoreDefinitions.R4), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Dictionary<string, HashSet<string>> _byType;
    private readonly HashSet<string> _everyType;

    private SearchParameterCatalog(Dictionary<string, HashSet<string>> byType, HashSet<string> everyType)
    {
        _byType = byType;
        _everyType = everyType;
    }

    /// <summary>The search parameters of R4 core (the embedded definitions pack).</summary>
    public static SearchParameterCatalog R4 => Core.Value;

    public static SearchParameterCatalog From(IDefinitionSource definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var byType = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var everyType = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in definitions.SearchParameters())
            foreach (var type in parameter.Base)
            {
                if (type is "Resource" or "DomainResource") everyType.Add(parameter.Code);
                else if (byType.TryGetValue(type, out var codes)) codes.Add(parameter.Code);
                else byType[type] = new HashSet<string>(StringComparer.Ordinal) { parameter.Code };
            }
        return new SearchParameterCatalog(byType, everyType);
    }

    /// <summary>True when a search parameter with this code is defined for the type (or for every resource).</summary>
    public bool Defines(string resourceType, string code) =>
        _everyType.Contains(code) || (_byType.TryGetValue(resourceType, out var codes) && codes.Contains(code));
}
