namespace FhirGateway.Runtime.Delivery;

/// <summary>
/// What came back from one transaction POST: the HTTP status and body, the Retry-After the partner asked for, or
/// the failure that gave no answer (<c>timeout</c>, <c>connection</c>, <c>circuit-open</c>), and how long it took.
/// </summary>
public sealed record PartnerAnswer(int? StatusCode, ReadOnlyMemory<byte> Body, TimeSpan? RetryAfter, string? Failure, TimeSpan Elapsed)
{
    /// <summary>The status as the ledger writes it: the HTTP code, or the failure.</summary>
    public string StatusText => StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Failure ?? "no-answer";

    /// <summary>False when nothing reached the partner: the circuit was open, or no connection was made.</summary>
    public bool RequestLeft => StatusCode is not null || Failure is not { } f
        || !(f == CircuitOpen || f.StartsWith("connection: ConnectionError", StringComparison.Ordinal) || f.StartsWith("connection: NameResolutionError", StringComparison.Ordinal));

    public const string CircuitOpen = "circuit-open";
    /// <summary>The cause in words, for operators: the partner's status line (<c>503 Service Unavailable</c>), <c>connection refused by 127.0.0.1:5089</c>, <c>timeout after 30 s</c>.</summary>
    public string? Cause { get; init; }
}
