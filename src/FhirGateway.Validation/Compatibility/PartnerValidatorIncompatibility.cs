using System.Text.Json;
using System.Text.Json.Serialization;

namespace FhirGateway.Validation.Compatibility;

/// <summary>
/// One known divergence between the gateway's validator and a partner's: the validator and the server software that
/// embeds it, what it rejects (<see cref="Rule"/> on <see cref="ResourceType"/>, exactly when the FHIRPath
/// <see cref="When"/> holds on the resource), both verdicts, who is right and the specification text that decides.
/// </summary>
public sealed record PartnerValidatorIncompatibility
{
    public required string Id { get; init; }
    public required string Validator { get; init; }
    /// <summary>Words that name the validator's server in a CapabilityStatement's software.name (case-insensitive).</summary>
    public IReadOnlyList<string> Software { get; init; } = [];
    public required string ResourceType { get; init; }
    public required string Rule { get; init; }
    public required string When { get; init; }
    public required string PartnerVerdict { get; init; }
    public required string GatewayVerdict { get; init; }
    /// <summary><c>gateway</c> or <c>partner</c>: whose verdict the specification supports.</summary>
    public required string Right { get; init; }
    public required string Effect { get; init; }
    public required string Cause { get; init; }
    public required string Spec { get; init; }

    /// <summary>Whether a CapabilityStatement's software name names this validator's server.</summary>
    public bool RunsOn(string? softwareName) =>
        softwareName is not null && Software.Any(s => softwareName.Contains(s, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Validator}: {ResourceType} {Rule}: {Effect}";
}

/// <summary>The list of known partner-validator incompatibilities, read from JSON (the embedded <c>partner-validators.json</c>).</summary>
public static class PartnerValidatorIncompatibilities
{
    private const string ResourceName = "FhirGateway.Validation.partner-validators.json";

    private static readonly Lazy<IReadOnlyList<PartnerValidatorIncompatibility>> Embedded = new(ReadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>Every known incompatibility, as shipped.</summary>
    public static IReadOnlyList<PartnerValidatorIncompatibility> All => Embedded.Value;

    /// <summary>Reads a list (<c>{"about": …, "incompatibilities": [ … ]}</c>). Throws <see cref="JsonException"/> when malformed.</summary>
    public static IReadOnlyList<PartnerValidatorIncompatibility> Read(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ListFile>(json, Options)?.Incompatibilities ?? throw new JsonException("the list is null");

    private static IReadOnlyList<PartnerValidatorIncompatibility> ReadEmbedded()
    {
        using var stream = typeof(PartnerValidatorIncompatibilities).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is missing from the FhirGateway.Validation build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.ToArray());
    }

    private sealed record ListFile(string? About, IReadOnlyList<PartnerValidatorIncompatibility> Incompatibilities);
}
