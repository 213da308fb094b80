using FhirGateway.Mapping;

namespace FhirGateway.Runtime.Store;

/// <summary>The resources one routed record gave, and the record (<c>recordId@version</c>).</summary>
public sealed record StoredRecordResources(string RecordKey, IReadOnlyList<StoredResource> Resources);

/// <summary>
/// A narrow read of what the gateway has routed, for the pipeline's cross-record checks (an infusion against the
/// release of its lot, its care plan and its safety review). A store may implement it beside <see cref="IPipelineStore"/>.
/// </summary>
public interface IStoredResourceReader
{
    /// <summary>The resources of the latest routed record that gave a resource of this type and business identifier; null when none did.</summary>
    Task<StoredRecordResources?> FindRecordWithAsync(string resourceType, BusinessIdentifier identifier, CancellationToken cancellationToken);
}
