using FhirGateway.Runtime.Ledger;

namespace FhirGateway.Runtime.Store;

/// <summary>
/// The pipeline's side of the store: claiming waiting records under a lease (per patient in order), parking or routing
/// them (with their ledger entries, in the same transaction), giving them back on shutdown.
/// </summary>
public interface IPipelineStore : IConsentReader
{
    /// <summary>
    /// Claims up to <paramref name="max"/> waiting records in one transaction, oldest first, under one lease: only
    /// records whose lease is free or expired and that no earlier record of the same patient is still waiting for
    /// (being processed or not), so the batch holds at most one record per patient and every record it holds comes
    /// after all of its patient's earlier records were routed or parked. Several workers (or instances) claiming in
    /// parallel thus still take each patient's records in order. Empty when none is claimable.
    /// </summary>
    Task<IReadOnlyList<ClaimedRecord>> ClaimRecordsAsync(string owner, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the outcomes of claimed records in one transaction, in the order given: each routed one as
    /// <see cref="RouteRecordAsync"/> would, each parked one as <see cref="ParkRecordAsync"/> would, each with its
    /// ledger entries (one chain, in that order). A record whose lease <paramref name="owner"/> no longer holds is
    /// left untouched (and its ledger entries are not written). Returns per outcome whether it was stored.
    /// </summary>
    Task<IReadOnlyList<bool>> CompleteRecordsAsync(IReadOnlyList<RecordOutcome> outcomes, string owner, CancellationToken cancellationToken);

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
