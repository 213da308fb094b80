namespace FhirGateway.Mapping.Bundles;

/// <summary>
/// What one partner's server supports that decides how a transaction is written for it: the most entries one
/// transaction may carry, whether it resolves conditional references (<c>Type?identifier=…</c>) inside a transaction,
/// the search parameters it declares per type (null for a type it lists none for: then R4's apply), and the types on
/// which it creates a resource by <c>PUT [type]/[id]</c> with a client-assigned id. Immutable.
/// </summary>
public sealed record PartnerSupport
{
    /// <summary>What is assumed of a partner nothing is known about: no size limit, R4's search parameters, no client-assigned ids.</summary>
    public static PartnerSupport Unknown { get; } = new();

    /// <summary>The most entries one transaction may carry; null for no known limit.</summary>
    public int? MaxTransactionEntries { get; init; }

    /// <summary>True when conditional references inside a transaction are resolved by the partner.</summary>
    public bool ConditionalReferences { get; init; }

    /// <summary>The search parameter codes the partner declares, by resource type; a type absent here declares none.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> SearchParameters { get; init; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);

    /// <summary>The types on which the partner creates by <c>PUT [type]/[id]</c> (CapabilityStatement <c>updateCreate</c>).</summary>
    public IReadOnlySet<string> UpdateCreate { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// True when a search on this parameter can be relied on for the type: R4 defines it and, when the partner lists
    /// search parameters for the type, the partner declares it too.
    /// </summary>
    public bool CanSearch(string resourceType, string code) =>
        SearchParameterCatalog.R4.Defines(resourceType, code)
        && (!SearchParameters.TryGetValue(resourceType, out var declared) || declared.Count == 0 || declared.Contains(code));
}
