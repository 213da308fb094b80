using FhirGateway.Runtime.Ledger;

namespace FhirGateway.Runtime.Store;

/// <summary>
/// The gateway's durable state: inbox, routed records and their resources, the per-partner delivery queue (leases so
/// several workers compete), parked and held items, consents, AuditEvents and the hash-chained ledger. Every method
/// that changes state is one transaction and appends its ledger entries in that same transaction; a method returns
/// only after its change is durable. Dialect details stay in the implementations.
/// </summary>
public interface IGatewayStore
{
    /// <summary>Creates the schema when missing. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>True when the store answers.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);

    // intake

    /// <summary>Stores a new record (ledger: received) or recognises a repeat of the same record id and version.</summary>
    Task<IntakeReceipt> AcceptAsync(RecordSubmission submission, CancellationToken cancellationToken);

    // pipeline

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

    /// <summary>Makes parked records (pipeline- or delivery-parked) wait again; <paramref name="record"/> is a record id or <c>id@version</c>, null for all. Returns the record keys.</summary>
    Task<IReadOnlyList<string>> ReplayAsync(string? record, CancellationToken cancellationToken);

    // consents

    Task<IReadOnlyList<ConsentRecord>> GetConsentsAsync(string patientId, CancellationToken cancellationToken);

    // delivery queue

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

    // reading

    IAsyncEnumerable<LedgerEntry> ReadLedgerAsync(CancellationToken cancellationToken);

    /// <summary>The ledger's last entry: its sequence number and hash (0 and the genesis hash when empty), for checkpoints.</summary>
    Task<(long Seq, string Hash)> GetLedgerHeadAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> ledger entries after sequence number <paramref name="afterSeq"/>, in order.</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadLedgerAfterAsync(long afterSeq, int max, CancellationToken cancellationToken);

    /// <summary>The ledger entries of the given records, or of every record of a patient, in sequence order.</summary>
    Task<IReadOnlyList<LedgerEntry>> TraceAsync(string? record, string? patientId, CancellationToken cancellationToken);

    Task<StoreSummary> SummaryAsync(CancellationToken cancellationToken);

    /// <summary>The state of the record an intake receipt was given for, and its deliveries; null for an unknown receipt.</summary>
    Task<RecordStatus?> GetRecordStatusAsync(string receiptId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ParkedItem>> ListParkedAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<HeldItem>> ListHeldAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredAuditEvent>> ListAuditEventsAsync(string? recordKey, CancellationToken cancellationToken);

    // operators

    /// <summary>Records newest first, filtered, keyset-paged (<see cref="RecordQuery.Before"/>).</summary>
    Task<RecordPage> ListRecordsAsync(RecordQuery query, CancellationToken cancellationToken);

    /// <summary>One record by key (<c>id@version</c>), record id (its latest version) or receipt id; null when unknown.</summary>
    Task<RecordDetail?> GetRecordAsync(string record, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the payload and the resources' JSON of every record whose deliveries were all delivered before
    /// <paramref name="deliveredBefore"/>; the ledger keeps their hashes and gets a <c>pruned</c> entry each. Returns how many.
    /// </summary>
    Task<int> PruneDeliveredAsync(DateTimeOffset deliveredBefore, CancellationToken cancellationToken);

    /// <summary>Appends entries that change no state (an operator's view or action, with who did it).</summary>
    Task AppendLedgerAsync(IReadOnlyList<LedgerDraft> entries, CancellationToken cancellationToken);

    /// <summary>Per partner: deliveries by status and the time of the last delivered one.</summary>
    Task<IReadOnlyList<PartnerQueue>> PartnerQueuesAsync(CancellationToken cancellationToken);
}
