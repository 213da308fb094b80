namespace FhirGateway.Runtime.Store;

/// <summary>How an inbound update reached the gateway: a search, a notification, a re-query after a missed notification.</summary>
public static class InboundVia
{
    public const string Poll = "poll";
    public const string Notification = "subscription";
    public const string Requery = "requery";
}

/// <summary>
/// One version of a partner's resource, taken in: the partner's <c>Type/id/_history/version</c>, its lastUpdated,
/// the clinic patient it was matched to (null: unmatched), whether it conforms to R4 core, the OperationOutcome of
/// what was found (validation issues, an unmatched patient), how it came, and the exact JSON received.
/// </summary>
public sealed record InboundItem(
    string PartnerId, string ResourceType, string ResourceId, string VersionId, DateTimeOffset? LastUpdated,
    string? PatientId, bool Valid, string? OperationOutcome, string Via, ReadOnlyMemory<byte> Json)
{
    public string Location => $"{ResourceType}/{ResourceId}/_history/{VersionId}";
}

/// <summary>An inbound update as stored: its feed position, when it was received, and its outbox file name (relative to the outbox).</summary>
public sealed record StoredInboundItem(long Seq, InboundItem Item, DateTimeOffset ReceivedAt, string OutboxFile, bool Exported);

/// <summary>A search cursor moved forward: the partner, the type and the newest lastUpdated the search has seen.</summary>
public sealed record InboundCursor(string PartnerId, string ResourceType, DateTimeOffset Position);

/// <summary>
/// What one subscription notification says about the partner's event count: the subscription, the first and
/// highest event numbers it carries (none for a heartbeat), and <c>eventsSinceSubscriptionStart</c>.
/// </summary>
public sealed record NotificationEvents(string PartnerId, string Subscription, long? FirstEvent, long? HighestEvent, long? EventsSinceStart);

/// <summary>One commit of inbound work: the items (repeats are recognised), cursors to move, a notification's events.</summary>
public sealed record InboundCommit(IReadOnlyList<InboundItem> Items)
{
    public IReadOnlyList<InboundCursor> Cursors { get; init; } = [];
    public NotificationEvents? Notification { get; init; }
}

/// <summary>What a commit did: how many items were new, and whether the notification showed missed events (a re-query is due).</summary>
public sealed record InboundCommitResult(int Stored, int Repeats, bool Gap);

/// <summary>A partner's subscription as the gateway follows it: the last event number seen, and whether a re-query is due (and its generation).</summary>
public sealed record SubscriptionState(string PartnerId, string? Subscription, long LastEvent, bool RecoveryPending, long RecoveryGeneration, string? RecoveryReason);
