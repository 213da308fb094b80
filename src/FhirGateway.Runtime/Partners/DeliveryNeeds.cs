using FhirGateway.Mapping;
using FhirGateway.Mapping.Bundles;

namespace FhirGateway.Runtime.Partners;

/// <summary>One thing delivery needs of a partner: an interaction on a type, the capability flag it relies on, the search parameter it uses, and why.</summary>
public sealed record DeliveryNeed(string ResourceType, string Interaction, string? Capability, string? SearchParameter, string Why);

/// <summary>
/// What delivery needs of a partner, derived from the mapping's conditional-request table for that partner (never a
/// hand-kept list): the request each produced type gets for a first and for a corrected record version, and the read
/// or search the version guard makes before overwriting.
/// </summary>
public static class DeliveryNeeds
{
    private static readonly BusinessIdentifier Sample = new("urn:fhirgw:check", "x");

    public static IReadOnlyList<DeliveryNeed> For(PartnerSupport support)
    {
        var needs = new List<DeliveryNeed>();
        foreach (var type in ConditionalRequests.ResourceTypes)
            foreach (var request in new[] { 1, 2 }.Select(v => ConditionalRequests.For(type, Sample, v, support)).Distinct())
            {
                var code = SearchCode(request);
                if (request.Method == "POST")
                    needs.Add(new DeliveryNeed(type, "create", "conditionalCreate", code, $"POST with ifNoneExist {code}=…"));
                else if (request.Path == IdempotencePath.ClientAssignedId)
                {
                    needs.Add(new DeliveryNeed(type, "update", "updateCreate", null, $"PUT {type}/[id] with a client-assigned id"));
                    needs.Add(new DeliveryNeed(type, "read", null, null, "the version guard reads it before overwriting"));
                }
                else
                {
                    needs.Add(new DeliveryNeed(type, "update", "conditionalUpdate", code, $"PUT {type}?{code}=…"));
                    needs.Add(new DeliveryNeed(type, "search-type", null, code, "the version guard finds it before overwriting"));
                }
            }
        return needs.Distinct().ToList();
    }

    /// <summary>Where the gateway writes a type by another idempotent path than its identifier search, and why.</summary>
    public static IReadOnlyList<string> Workarounds(PartnerSupport support) =>
        ConditionalRequests.Table(support).Where(r => r.Path != IdempotencePath.Identifier).Select(r =>
        {
            var why = SearchParameterCatalog.R4.Defines(r.ResourceType, "identifier") ? "the partner declares no identifier search for it" : "R4 defines no identifier search for it";
            var how = r.Path == IdempotencePath.ClientAssignedId
                ? $"written by a client-assigned id (PUT {r.ResourceType}/[id]), as the partner creates on update"
                : "found again by a meta.tag carrying its identifier (_tag)";
            return $"{r.ResourceType}: {why}; {how}";
        }).ToList();

    private static string? SearchCode(ConditionalRequest request)
    {
        var query = request.IfNoneExist ?? (request.Url.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? request.Url[(q + 1)..] : null);
        return query?.Split('=')[0];
    }
}
