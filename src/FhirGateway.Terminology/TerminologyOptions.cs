namespace FhirGateway.Terminology;

/// <summary>Settings of the offline terminology service.</summary>
public sealed record TerminologyOptions
{
    /// <summary>The most codes an expansion lists; a larger one is cut there and marked incomplete.</summary>
    public int MaxExpansionSize { get; init; } = 100_000;
}
