using System.Text;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Mapping.Bundles;

/// <summary>How a resource is found again at a partner, so that writing it twice never makes two.</summary>
public enum IdempotencePath
{
    /// <summary>A search on its business identifier (<c>identifier=system|value</c>).</summary>
    Identifier,
    /// <summary>A search on a meta.tag carrying its business identifier (<c>_tag=system|value</c>), for a type R4 gives no identifier search.</summary>
    Tag,
    /// <summary>A client-assigned id (<c>PUT [type]/[id]</c>, the deterministic id), where the partner creates on update.</summary>
    ClientAssignedId,
}

/// <summary>The request of one transaction entry: method, url and, for a conditional create, the ifNoneExist query; how the resource is found again.</summary>
public sealed record ConditionalRequest(string Method, string Url, string? IfNoneExist)
{
    public IdempotencePath Path { get; init; } = IdempotencePath.Identifier;

    /// <summary>The read or search that finds the resource at the partner (<c>Type?identifier=…</c>, <c>Type?_tag=…</c> or <c>Type/id</c>).</summary>
    public string Lookup { get; init; } = "";
}

/// <summary>One row of the conditional-request table: for a resource type, how it is found again and whether a later record overwrites it.</summary>
/// <param name="SearchParameter">The search parameter the conditional request uses; null for a client-assigned id.</param>
/// <param name="Overwritten">True when a newer record replaces it (conditional update); false when it is only created if absent.</param>
public sealed record ConditionalRule(string ResourceType, IdempotencePath Path, string? SearchParameter, bool Overwritten);

/// <summary>
/// Decides how each resource is written so that a repeat delivery never duplicates:
/// <list type="bullet">
/// <item>Patient: conditional create (POST, <c>ifNoneExist</c> on the clinic MRN). The partner hospital owns the
/// patient's demographics; the gateway makes sure the patient exists and never overwrites what the EHR may have merged or corrected.</item>
/// <item>CarePlan, CareTeam, Goal, Consent, Condition: conditional update (PUT): they legitimately change (a plan
/// change, a new team member, a withdrawn consent, an MS course that progresses).</item>
/// <item>Results, reports, products, procedures: conditional create for a record's first version (immutable
/// results); a corrected version (2, 3…) replaces them by conditional update.</item>
/// <item>Provenance: created once per record version (its identity is the record key <c>recordId@version</c>).</item>
/// </list>
/// The condition is the business identifier where R4 (and the partner, when it lists its search parameters) has an
/// <c>identifier</c> search for the type; otherwise a client-assigned id where the partner creates on update, else a
/// meta.tag carrying the identifier (<c>_tag</c>, which R4 defines for every resource) — so Provenance goes by the tag of
/// its record key, and BiologicallyDerivedProduct (no identifier search in R4) by id or tag.
/// </summary>
public static class ConditionalRequests
{
    private static readonly HashSet<string> Mutable = new(StringComparer.Ordinal) { "CarePlan", "CareTeam", "Goal", "Consent", "Condition" };
    // The Patient belongs to the partner once it exists; a Provenance tells of one record version (its identity carries the version).
    private static readonly HashSet<string> NeverOverwritten = new(StringComparer.Ordinal) { "Patient", "Provenance" };
    private static readonly Lazy<IReadOnlyList<string>> Types = new(ProducedTypes, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The resource types the mapping produces: the type of every resource profile of the clinic IG (the envelope Bundle aside).</summary>
    public static IReadOnlyList<string> ResourceTypes => Types.Value;

    /// <summary>The conditional-request table for a partner: one rule per resource type the mapping produces.</summary>
    public static IReadOnlyList<ConditionalRule> Table(PartnerSupport support) => ResourceTypes.Select(t => Rule(t, support)).ToList();

    public static ConditionalRule Rule(string resourceType, PartnerSupport support)
    {
        ArgumentNullException.ThrowIfNull(support);
        var overwritten = Mutable.Contains(resourceType);
        if (support.CanSearch(resourceType, "identifier")) return new(resourceType, IdempotencePath.Identifier, "identifier", overwritten);
        if (support.UpdateCreate.Contains(resourceType)) return new(resourceType, IdempotencePath.ClientAssignedId, null, overwritten);
        return new(resourceType, IdempotencePath.Tag, "_tag", overwritten);
    }

    /// <summary>The request for an R4 partner nothing more is known about.</summary>
    public static ConditionalRequest For(string resourceType, BusinessIdentifier identifier, int recordVersion) =>
        For(resourceType, identifier, recordVersion, PartnerSupport.Unknown);

    public static ConditionalRequest For(string resourceType, BusinessIdentifier identifier, int recordVersion, PartnerSupport support)
    {
        var rule = Rule(resourceType, support);
        var overwrite = !NeverOverwritten.Contains(resourceType) && (rule.Overwritten || recordVersion > 1);
        if (rule.Path == IdempotencePath.ClientAssignedId)
        {
            var url = $"{resourceType}/{DeterministicIds.For(resourceType, identifier)}";
            return new("PUT", url, null) { Path = rule.Path, Lookup = url };
        }
        var search = $"{rule.SearchParameter}={Token(identifier)}";
        var lookup = $"{resourceType}?{search}";
        return overwrite
            ? new("PUT", lookup, null) { Path = rule.Path, Lookup = lookup }
            : new("POST", resourceType, search) { Path = rule.Path, Lookup = lookup };
    }

    /// <summary><c>system|value</c> for a query string: characters a query cannot carry as they are are percent-encoded.</summary>
    public static string Token(BusinessIdentifier identifier) => $"{Escape(identifier.System)}|{Escape(identifier.Value)}";

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or ':' or '/' or '@') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static IReadOnlyList<string> ProducedTypes()
    {
        var envelope = ClinicIg.Profile("exchange-bundle");
        return ClinicIgDefinitions.Definitions.StructureDefinitions()
            .Where(sd => sd.Kind == "resource" && sd.Url != envelope)
            .Select(sd => sd.Type)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
