using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FhirGateway.Runtime.Operations;

/// <summary>Readiness: the store answers.</summary>
public sealed class StoreHealthCheck(IGatewayStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.PingAsync(cancellationToken) ? HealthCheckResult.Healthy("store answers") : HealthCheckResult.Unhealthy("store does not answer");
}

/// <summary>Readiness: each partner's circuit state; an open circuit makes the gateway degraded (it still takes records in).</summary>
public sealed class PartnerCircuitsHealthCheck(PartnerDirectory partners, PartnerCircuits circuits) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var states = partners.All.ToDictionary(p => p.Id, p => (object)circuits.State(p.Id), StringComparer.Ordinal);
        var open = states.Where(s => (string)s.Value is "open" or "isolated").Select(s => s.Key).ToList();
        return Task.FromResult(open.Count == 0
            ? HealthCheckResult.Healthy($"{states.Count} partners, all circuits closed", states)
            : HealthCheckResult.Degraded($"circuit open for {string.Join(", ", open)}", data: states));
    }
}
