namespace FhirGateway.Runtime.Partners;

/// <summary>
/// The inbound part of <c>fhirgw partners check</c>: whether the partner's CapabilityStatement lets the gateway follow
/// what its team records — Subscriptions (the resource, with create) or polling by <c>_lastUpdated</c> on the types
/// followed. Informational: it never blocks delivery. (The inbound work extends this with its own configuration.)
/// </summary>
public static class InboundCapabilityCheck
{
    /// <summary>The types whose partner-side changes the clinic follows.</summary>
    public static readonly IReadOnlyList<string> FollowedTypes = ["Observation", "Condition", "MedicationStatement", "MedicationRequest", "CarePlan", "AdverseEvent"];

    public static IReadOnlyList<string> Evaluate(CapabilityStatementInfo cs)
    {
        ArgumentNullException.ThrowIfNull(cs);
        if (cs.Resources.Count == 0) return ["it lists no resource types: subscriptions and polling cannot be checked"];
        var lines = new List<string>();
        lines.Add(cs.Resources.TryGetValue("Subscription", out var subscription) && (subscription.Interactions.Count == 0 || subscription.Interactions.Contains("create"))
            ? "subscriptions: Subscription is listed (with create)"
            : "subscriptions: Subscription is not listed with create: polling is the way");
        var polled = FollowedTypes.Where(t => cs.Resources.TryGetValue(t, out var r) && (r.SearchParameters.Count == 0 || r.SearchParameters.Contains("_lastUpdated"))).ToList();
        var missing = FollowedTypes.Except(polled).ToList();
        lines.Add(missing.Count == 0
            ? "polling: _lastUpdated search on every followed type"
            : $"polling: no _lastUpdated search (or the type is not listed) for {string.Join(", ", missing)}");
        return lines;
    }
}
