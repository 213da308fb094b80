using System.Collections.Concurrent;
using Polly.CircuitBreaker;

namespace FhirGateway.Runtime.Partners;

/// <summary>Each partner's circuit breaker state, for readiness and for the queue (an open circuit postpones deliveries).</summary>
public sealed class PartnerCircuits
{
    private readonly ConcurrentDictionary<string, CircuitBreakerStateProvider> _providers = new(StringComparer.Ordinal);

    public CircuitBreakerStateProvider For(string partnerId) => _providers.GetOrAdd(partnerId, _ => new CircuitBreakerStateProvider());

    /// <summary>closed, open, half-open or isolated; <c>closed</c> before the first call.</summary>
    public string State(string partnerId) =>
        !_providers.TryGetValue(partnerId, out var provider) ? "closed" : provider.CircuitState switch
        {
            CircuitState.Closed => "closed",
            CircuitState.Open => "open",
            CircuitState.HalfOpen => "half-open",
            CircuitState.Isolated => "isolated",
            _ => "unknown",
        };
}
