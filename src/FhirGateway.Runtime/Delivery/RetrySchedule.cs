namespace FhirGateway.Runtime.Delivery;

/// <summary>
/// The durable queue's backoff: <c>BaseDelay × 2^(attempt-1)</c> capped at <c>MaxDelay</c>, with jitter (a random
/// point in the upper half), and never earlier than the partner's Retry-After.
/// </summary>
public sealed class RetrySchedule(TimeSpan baseDelay, TimeSpan maxDelay, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    /// <param name="attempt">The attempt that just failed, from 1.</param>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var backoff = TimeSpan.FromMilliseconds(ceiling * (0.5 + (_random() * 0.5)));
        return retryAfter is { } wait && wait > backoff ? wait : backoff;
    }
}
