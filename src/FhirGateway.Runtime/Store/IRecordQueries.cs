namespace FhirGateway.Runtime.Store;

/// <summary>Read-only views for operators and callers: the summary, a receipt's status, parked and held items, AuditEvents, records, partner queues.</summary>
public interface IRecordQueries
{
    Task<StoreSummary> SummaryAsync(CancellationToken cancellationToken);

    /// <summary>The state of the record an intake receipt was given for, and its deliveries; null for an unknown receipt.</summary>
    Task<RecordStatus?> GetRecordStatusAsync(string receiptId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ParkedItem>> ListParkedAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<HeldItem>> ListHeldAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredAuditEvent>> ListAuditEventsAsync(string? recordKey, CancellationToken cancellationToken);

    /// <summary>Records newest first, filtered, keyset-paged (<see cref="RecordQuery.Before"/>).</summary>
    Task<RecordPage> ListRecordsAsync(RecordQuery query, CancellationToken cancellationToken);

    /// <summary>One record by key (<c>id@version</c>), record id (its latest version) or receipt id; null when unknown.</summary>
    Task<RecordDetail?> GetRecordAsync(string record, CancellationToken cancellationToken);

    /// <summary>Per partner: deliveries by status and the time of the last delivered one.</summary>
    Task<IReadOnlyList<PartnerQueue>> PartnerQueuesAsync(CancellationToken cancellationToken);
}
