using System.Net;

namespace FhirGateway.Runtime.Delivery;

/// <summary>Which partner answers are worth trying again: 408, 429, 5xx (and, for the durable queue, 401/403, a credentials problem that a fix clears).</summary>
public static class TransientAnswers
{
    public static bool IsTransient(HttpStatusCode status) => IsTransient((int)status);

    public static bool IsTransient(int status) => status is 408 or 429 or >= 500;

    /// <summary>Retry-After as a delay from <paramref name="now"/>: delta seconds or an HTTP date; null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date) return date <= now ? TimeSpan.Zero : date - now;
        return null;
    }
}
