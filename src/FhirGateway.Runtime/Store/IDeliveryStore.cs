using FhirGateway.Runtime.Ledger;

namespace FhirGateway.Runtime.Store;

/// <summary>
/// The delivery queue: per partner, leases of due deliveries (never overtaking an earlier record of the same patient),
/// their transitions (delivered, retry, split, parked, held, released), and the held patients.
/// </summary>
public interface IDeliveryStore : IConsentReader
{
    /// <summary>
    /// Leases up to <paramref name="max"/> due deliveries for a partner, oldest first, never one that would overtake an
    /// earlier record of the same patient still pending, held or leased for that partner (or not yet routed).
    /// </summary>
    Task<IReadOnlyList<ClaimedDelivery>> ClaimDeliveriesAsync(string partnerId, string owner, int max, TimeSpan lease, CancellationToken cancellationToken);

    // The transitions of leased deliveries below move only deliveries still leased by the owner (a worker whose lease
    // expired and was taken over changes nothing), append the ledger entries of the records that moved and nothing
    // else, and return how many deliveries moved.

    Task<int> MarkDeliveredAsync(IReadOnlyList<DeliveredItem> items, string owner, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken);

    Task<int> ScheduleRetryAsync(IReadOnlyList<long> deliveryIds, string owner, DateTimeOffset nextAttemptAt, string lastStatus, string? lastError, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken);

    /// <summary>Sends the deliveries again one record per transaction, to find which of a failed batch the partner refuses (or to fit a size limit).</summary>
    Task<int> SplitAsync(IReadOnlyList<long> deliveryIds, string owner, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken);

    Task<int> ParkDeliveriesAsync(IReadOnlyList<long> deliveryIds, string owner, string lastStatus, string operationOutcome, IReadOnlyList<(long DeliveryId, StoredAuditEvent AuditEvent)> auditEvents, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken);

    Task<int> HoldDeliveriesAsync(IReadOnlyList<long> deliveryIds, string owner, string reason, IReadOnlyList<LedgerDraft> ledger, CancellationToken cancellationToken);

    /// <summary>Gives leased deliveries back untouched (on shutdown): no attempt is counted.</summary>
    Task ReleaseDeliveriesAsync(IReadOnlyList<long> deliveryIds, string owner, CancellationToken cancellationToken);

    /// <summary>The patients with held deliveries for a partner.</summary>
    Task<IReadOnlyList<string>> HeldPatientsAsync(string partnerId, CancellationToken cancellationToken);

    /// <summary>Makes a patient's held deliveries for a partner pending again (ledger: released, with the detail, per delivery). Returns the record keys.</summary>
    Task<IReadOnlyList<string>> ReleaseHeldAsync(string partnerId, string patientId, string detail, CancellationToken cancellationToken);
}
