using FhirGateway.Runtime.Ledger;

namespace FhirGateway.Runtime.Store;

/// <summary>
/// The pipeline's side of the store: claiming waiting records under a lease (per patient in order), parking or routing
/// them (with their ledger entries, in the same transaction), giving them back on shutdown.
/// </summary>
public interface IPipelineStore : IConsentReader
{
    /// <summary>
    /// Claims the oldest waiting record whose lease is free or expired and that no earlier record of the same patient
    /// is still waiting for (being processed or not), so that workers in parallel take each patient's records in order.
    /// </summary>
    Task<ClaimedRecord?> ClaimRecordAsync(string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Parks a claimed record with its OperationOutcome. False when the lease was lost.</summary>
    Task<bool> ParkRecordAsync(RecordParking parking, string owner, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken);

    /// <summary>Stores the mapped resources, the consent it states, and its deliveries (pending or held; a delivered one stays delivered). False when the lease was lost.</summary>
    Task<bool> RouteRecordAsync(RecordRouting routing, string owner, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken);

    /// <summary>Lets a claimed record go back to waiting (on shutdown).</summary>
    Task ReleaseRecordAsync(string recordKey, string owner, CancellationToken cancellationToken);
}
