using System.Text.Json;
using FhirGateway.Runtime.Hosting;

namespace FhirGateway.Runtime.Partners;

/// <summary>One finding about what inbound needs of a partner: what it says, and whether it blocks inbound or the gateway works around it.</summary>
public sealed record InboundFinding(string Text, bool Blocks);

/// <summary>
/// What a partner's CapabilityStatement says about what inbound needs. Poll (and a Subscription's re-query):
/// each followed type listed with <c>search-type</c> and the <c>_lastUpdated</c> search parameter (stated for the type or
/// for the whole server; <c>_sort</c> and paging links are optional, the gateway pages by <c>_offset</c> without them).
/// Subscription: the <c>Subscription</c> resource, which notifications rest on.
/// </summary>
public static class InboundCapabilityCheck
{
    public static IReadOnlyList<InboundFinding> Evaluate(Partner partner, JsonElement statement)
    {
        ArgumentNullException.ThrowIfNull(partner);
        if (partner.Inbound.Mode == InboundMode.None) return [];
        var findings = new List<InboundFinding>();
        var server = Array(statement, "rest").FirstOrDefault(r => Text(r, "mode") == "server");
        var serverParams = Array(server, "searchParam").Select(p => Text(p, "name")).ToHashSet(StringComparer.Ordinal);
        foreach (var type in partner.Inbound.EffectiveTypes)
        {
            var resource = Array(server, "resource").FirstOrDefault(r => Text(r, "type") == type);
            if (resource.ValueKind != JsonValueKind.Object)
            {
                findings.Add(new($"inbound: {type} is not among its resources: its updates cannot be searched (blocks inbound of {type})", true));
                continue;
            }
            if (!Array(resource, "interaction").Any(i => Text(i, "code") == "search-type"))
                findings.Add(new($"inbound: no search-type interaction on {type} (blocks inbound of {type})", true));
            var parameters = Array(resource, "searchParam").Select(p => Text(p, "name")).ToHashSet(StringComparer.Ordinal);
            if (!parameters.Contains("_lastUpdated") && !serverParams.Contains("_lastUpdated"))
                findings.Add(new($"inbound: _lastUpdated is not declared for {type}: if the partner ignores it, every search reads all of {type} " +
                    "and repeats are recognised (works around it, slowly); if it refuses unknown parameters, searches fail (blocks)", false));
        }
        if (partner.Inbound.Mode == InboundMode.Subscription && !Array(server, "resource").Any(r => Text(r, "type") == "Subscription"))
            findings.Add(new("inbound: Subscription is not among its resources: no notifications will come; the gateway re-queries only at start " +
                "and on gaps (blocks timely inbound: use Inbound:Mode Poll)", true));
        return findings;
    }

    /// <summary>The one-line summary for the table: mode, types, and whether inbound works.</summary>
    public static string Summary(Partner partner, IReadOnlyList<InboundFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(findings);
        if (partner.Inbound.Mode == InboundMode.None) return "inbound: not followed (Inbound:Mode None)";
        var verdict = findings.Any(f => f.Blocks) ? "FALLS SHORT" : findings.Count > 0 ? "ok, with work-arounds" : "ok";
        return $"inbound: {partner.Inbound.Mode} of {string.Join(", ", partner.Inbound.EffectiveTypes)}: {verdict}";
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];
}
