using FhirGateway.Runtime.Delivery;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Operations;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Microsoft.Extensions.Logging;

namespace FhirGateway.Runtime.Partners;

/// <summary>
/// The Polly 8 pipeline of one partner's HttpClient: a few quick retries for brief failures (exponential, jitter,
/// Retry-After honoured when short), a circuit breaker per partner, and a timeout per attempt. Longer waits belong to
/// the durable queue (<see cref="RetrySchedule"/>), which survives restarts. Network time is wall-clock time.
/// </summary>
public static class PartnerResilience
{
    /// <remarks>The circuit's state changes are logged once each (a warning when it opens): the alert, rather than one per failed request.</remarks>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, Partner partner, DeliveryOptions options, PartnerCircuits circuits, GatewayMetrics metrics,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(options);
        builder.TimeProvider = TimeProvider.System;
        if (options.InlineRetries > 0)
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.InlineRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.InlineRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetryInline(args.Outcome, options.MaxInlineRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? TransientAnswers.RetryAfter(r, DateTimeOffset.UtcNow) : null),
                OnRetry = _ =>
                {
                    metrics.Retry(partner.Id, "inline");
                    return ValueTask.CompletedTask;
                },
            });
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.CircuitBreaker.FailureRatio,
            MinimumThroughput = options.CircuitBreaker.MinimumThroughput,
            SamplingDuration = options.CircuitBreaker.SamplingDuration,
            BreakDuration = options.CircuitBreaker.BreakDuration,
            StateProvider = circuits.For(partner.Id),
            ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
            OnOpened = args =>
            {
                Log.CircuitOpened(logger, partner.Id, args.BreakDuration);
                return ValueTask.CompletedTask;
            },
            OnHalfOpened = _ =>
            {
                Log.CircuitHalfOpened(logger, partner.Id);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                Log.CircuitClosed(logger, partner.Id);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(partner.Timeout);
    }

    /// <summary>A failure as the circuit breaker counts it: no answer, or 408/429/5xx.</summary>
    public static bool IsFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } r } => TransientAnswers.IsTransient(r.StatusCode),
        _ => false,
    };

    private static bool ShouldRetryInline(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter)
    {
        if (outcome.Exception is BrokenCircuitException) return false;
        if (!IsFailure(outcome)) return false;
        return outcome.Result is not { } r || TransientAnswers.RetryAfter(r, DateTimeOffset.UtcNow) is not { } wait || wait <= maxRetryAfter;
    }
}
