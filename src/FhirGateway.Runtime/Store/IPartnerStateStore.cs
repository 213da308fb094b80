using FhirGateway.Mapping;
using FhirGateway.Mapping.Bundles;

namespace FhirGateway.Runtime.Store;

/// <summary>A business resource at one partner: its type and identifier.</summary>
public readonly record struct PartnerResourceKey(string ResourceType, BusinessIdentifier Identifier);

/// <summary>What the gateway last delivered of one business resource to one partner: the record it came from and where the partner keeps it.</summary>
public sealed record DeliveredVersion(PartnerResourceKey Key, RecordStamp Stamp, string? Location);

/// <summary>A transaction size limit learned from a partner's refusal, with the refusal's words.</summary>
public sealed record LearnedLimit(int MaxEntries, DateTimeOffset LearnedAt, string Detail);

/// <summary>
/// What the gateway has learned about each partner, durably: the transaction size limit its refusals named, and per
/// business resource the newest record version delivered (so an older one never overwrites it). Kept apart from the
/// delivery queue; every write is one transaction.
/// </summary>
public interface IPartnerStateStore
{
    Task<LearnedLimit?> GetLearnedLimitAsync(string partnerId, CancellationToken cancellationToken);

    /// <summary>Keeps the smaller of the stored and the new limit; returns the limit now in force.</summary>
    Task<int> LearnLimitAsync(string partnerId, int maxEntries, string detail, CancellationToken cancellationToken);

    /// <summary>The delivered versions known for these resources of a partner.</summary>
    Task<IReadOnlyDictionary<PartnerResourceKey, DeliveredVersion>> GetDeliveredVersionsAsync(string partnerId, IReadOnlyCollection<PartnerResourceKey> keys, CancellationToken cancellationToken);

    /// <summary>Records delivered versions, each kept only where it is not older than the one stored.</summary>
    Task RecordDeliveredVersionsAsync(string partnerId, IReadOnlyList<DeliveredVersion> versions, CancellationToken cancellationToken);
}
