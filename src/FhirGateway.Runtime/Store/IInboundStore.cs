namespace FhirGateway.Runtime.Store;

/// <summary>
/// The durable side of inbound updates: every version taken in (once: partner, type, id and version are unique),
/// its ledger entries, the search cursors, the subscription event count, and what the gateway itself wrote to each
/// partner (learned from the ledger's partner responses, to recognise echoes). Each change is one transaction.
/// </summary>
public interface IInboundStore
{
    /// <summary>Which of these <c>Type/id/_history/version</c> of a partner are stored already.</summary>
    Task<IReadOnlySet<string>> KnownAsync(string partnerId, IReadOnlyCollection<string> locations, CancellationToken cancellationToken);

    /// <summary>Learns from the ledger (incrementally) which resources the gateway wrote to which partner, for which patient.</summary>
    Task SyncWrittenAsync(CancellationToken cancellationToken);

    /// <summary>When the gateway wrote <c>Type/id</c> to the partner: the clinic patient of that record; null when it never did.</summary>
    Task<WrittenResource?> WrittenAsync(string partnerId, string resourceType, string resourceId, CancellationToken cancellationToken);

    /// <summary>Stores new items with their ledger entries (received-from-partner), moves cursors, counts a notification's events; one transaction.</summary>
    Task<InboundCommitResult> CommitInboundAsync(InboundCommit commit, CancellationToken cancellationToken);

    Task<DateTimeOffset?> GetCursorAsync(string partnerId, string resourceType, CancellationToken cancellationToken);

    Task<SubscriptionState?> GetSubscriptionAsync(string partnerId, CancellationToken cancellationToken);

    /// <summary>Asks for a re-query (a gap seen, a restart); returns the new generation.</summary>
    Task<long> RequestRecoveryAsync(string partnerId, string reason, CancellationToken cancellationToken);

    /// <summary>Marks a re-query done, unless another was asked for since <paramref name="generation"/>.</summary>
    Task<bool> CompleteRecoveryAsync(string partnerId, long generation, CancellationToken cancellationToken);

    /// <summary>The feed: items after <paramref name="since"/> in arrival order.</summary>
    Task<IReadOnlyList<StoredInboundItem>> ReadInboundAsync(long since, int limit, CancellationToken cancellationToken);

    /// <summary>Items not yet written to the outbox, oldest first.</summary>
    Task<IReadOnlyList<StoredInboundItem>> UnexportedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Records items as written to the outbox (ledger: handed-to-clinic).</summary>
    Task MarkExportedAsync(IReadOnlyList<StoredInboundItem> items, CancellationToken cancellationToken);
}

/// <summary>A resource the gateway wrote to a partner, and the clinic patient of the record it came with.</summary>
public sealed record WrittenResource(string PatientId);
