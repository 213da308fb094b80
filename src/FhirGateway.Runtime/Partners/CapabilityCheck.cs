using System.Text.Json;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Mapping.Bundles;

namespace FhirGateway.Runtime.Partners;

/// <summary>One thing a partner lacks: whether it blocks delivery, or how the gateway works around it.</summary>
public sealed record CapabilityFinding(string Text, bool Blocks);

/// <summary>What a partner's CapabilityStatement says about what the gateway needs, what falls short and what is worked around.</summary>
public sealed record CapabilityReport(string PartnerId, string? FhirVersion, bool Json, bool Transaction, bool Conditional, IReadOnlyList<CapabilityFinding> Findings)
{
    /// <summary>The transaction size limit in force (configured or learned) and where it comes from.</summary>
    public string? TransactionLimit { get; init; }

    /// <summary>The server software the CapabilityStatement names (software.name and version), when it names one.</summary>
    public string? Software { get; init; }

    public IReadOnlyList<string> Shortfalls => Findings.Where(f => f.Blocks).Select(f => f.Text).ToList();

    public IReadOnlyList<string> WorkedAround => Findings.Where(f => !f.Blocks).Select(f => f.Text).ToList();

    public bool Sufficient => Findings.All(f => !f.Blocks);
}

/// <summary>
/// Checks a partner's <c>/metadata</c> against what delivery needs: FHIR 4.0.x, JSON, the <c>transaction</c>
/// interaction, and for every request of the mapping's conditional-request table (<see cref="DeliveryNeeds"/>) the
/// resource type, its interaction, conditional create/update or update-as-create, and the search parameter. Each
/// shortfall says whether it blocks delivery or how the gateway works around it (another idempotent path, smaller
/// transactions).
/// </summary>
public static class CapabilityCheck
{
    public static CapabilityReport Evaluate(string partnerId, int? status, ReadOnlyMemory<byte> body, string? failure, PartnerLimits? limits = null)
    {
        if (status is null) return Unreadable(partnerId, $"no answer from /metadata ({failure})");
        if (status is < 200 or >= 300) return Unreadable(partnerId, $"/metadata answered HTTP {status}");
        if (JsonInputGuard.Check(body.Span, JsonInputLimits.StringsOnly, 1) is [{ Kind: JsonInputProblemKind.InvalidString } problem])
            return Unreadable(partnerId, $"/metadata holds text that is not valid Unicode at {problem.Path}");
        try
        {
            using var doc = JsonDocument.Parse(body);
            return Evaluate(partnerId, CapabilityStatementInfo.Read(doc.RootElement), limits ?? new PartnerLimits(null, null, false));
        }
        catch (JsonException e)
        {
            return Unreadable(partnerId, "/metadata is not JSON: " + JsonErrorText.Describe(e));
        }
        catch (InvalidOperationException)
        {
            return Unreadable(partnerId, "/metadata is not a CapabilityStatement: a property has the wrong JSON kind");
        }
    }

    private static CapabilityReport Unreadable(string partnerId, string why) => new(partnerId, null, false, false, false, [new CapabilityFinding(why, Blocks: true)]);

    private static CapabilityReport Evaluate(string partnerId, CapabilityStatementInfo cs, PartnerLimits limits)
    {
        var findings = new List<CapabilityFinding>();
        void Block(string text) => findings.Add(new CapabilityFinding(text, true));
        if (!cs.IsCapabilityStatement) Block("/metadata is not a CapabilityStatement");
        if (cs.FhirVersion is null || !cs.FhirVersion.StartsWith("4.0.", StringComparison.Ordinal)) Block($"FHIR version {cs.FhirVersion ?? "(none)"} is not 4.0.x");
        if (!cs.Json) Block("JSON is not among its formats");
        var transaction = cs.SystemInteractions.Contains("transaction");
        if (!transaction) Block("no transaction interaction");
        var support = new PartnerSupport
        {
            MaxTransactionEntries = limits.InForce,
            ConditionalReferences = limits.ConditionalReferences,
            SearchParameters = cs.SearchParametersByType(),
            UpdateCreate = cs.Resources.Values.Where(r => r.UpdateCreate).Select(r => r.Type).ToHashSet(StringComparer.Ordinal),
        };
        var conditional = true;
        if (cs.Resources.Count == 0)
            findings.Add(new CapabilityFinding("it lists no resource types, so nothing can be checked per type: the gateway delivers as to a plain R4 server", false));
        else
            foreach (var need in DeliveryNeeds.For(support))
                if (Shortfall(need, cs) is { } missing)
                {
                    Block(missing);
                    conditional &= need.Capability is null;
                }
        findings.AddRange(DeliveryNeeds.Workarounds(support).Select(w => new CapabilityFinding(w, false)));
        if (limits.Text is { } limit)
            findings.Add(new CapabilityFinding($"transactions of at most {limit}: a record with more resources is sent as several transactions, in dependency order", false));
        return new CapabilityReport(partnerId, cs.FhirVersion, cs.Json, transaction, conditional, findings)
        {
            TransactionLimit = limits.Text,
            Software = cs.Software,
        };
    }

    /// <summary>What the partner lacks for one need, or null.</summary>
    private static string? Shortfall(DeliveryNeed need, CapabilityStatementInfo cs)
    {
        if (!cs.Resources.TryGetValue(need.ResourceType, out var resource)) return $"{need.ResourceType}: not among its resource types ({need.Why})";
        if (resource.Interactions.Count > 0 && !resource.Interactions.Contains(need.Interaction)) return $"{need.ResourceType}: no {need.Interaction} interaction ({need.Why})";
        var flag = need.Capability switch
        {
            "conditionalCreate" => resource.ConditionalCreate,
            "conditionalUpdate" => resource.ConditionalUpdate,
            "updateCreate" => resource.UpdateCreate,
            _ => true,
        };
        if (!flag) return $"{need.ResourceType}: no {need.Capability} ({need.Why}; without it a redelivery would duplicate or fail)";
        if (need.SearchParameter is { } code && resource.SearchParameters.Count > 0 && !resource.SearchParameters.Contains(code))
            return $"{need.ResourceType}: no '{code}' search parameter ({need.Why})";
        return null;
    }
}

/// <summary>A partner's transaction size limits: configured, learned from its refusals, and whether it resolves conditional references.</summary>
public sealed record PartnerLimits(int? Configured, Store.LearnedLimit? Learned, bool ConditionalReferences)
{
    public int? InForce => Configured is null ? Learned?.MaxEntries : Learned is null ? Configured : Math.Min(Configured.Value, Learned.MaxEntries);

    public string? Text => InForce is not { } max ? null
        : Learned is not null && Learned.MaxEntries == max ? $"{max} entries (learned {Learned.LearnedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z: {Learned.Detail})"
        : $"{max} entries (configured)";
}
