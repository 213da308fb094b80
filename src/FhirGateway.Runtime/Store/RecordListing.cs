namespace FhirGateway.Runtime.Store;

/// <summary>
/// The state of a record as operators see it, from its pipeline state and its deliveries: <c>waiting</c> (not yet
/// mapped), <c>parked</c> (refused by the mapper, the validator or a partner), <c>held</c> (a delivery waits for
/// consent), <c>routed</c> (deliveries still on their way) and <c>delivered</c> (every partner that follows it has it,
/// which a record no partner follows has at once).
/// </summary>
public static class ListedStates
{
    public const string Waiting = "waiting";
    public const string Routed = "routed";
    public const string Delivered = "delivered";
    public const string Parked = "parked";
    public const string Held = "held";

    public static readonly IReadOnlyList<string> All = [Waiting, Routed, Delivered, Parked, Held];

    /// <summary>One state for a record: its pipeline state, then the most pressing of its delivery statuses.</summary>
    public static string Of(string recordState, IEnumerable<string> deliveryStatuses)
    {
        ArgumentNullException.ThrowIfNull(deliveryStatuses);
        if (recordState == RecordStates.Waiting) return Waiting;
        if (recordState == RecordStates.Parked) return Parked;
        var statuses = deliveryStatuses.ToList();
        if (statuses.Contains(DeliveryStates.Parked)) return Parked;
        if (statuses.Contains(DeliveryStates.Held)) return Held;
        if (statuses.Exists(s => s != DeliveryStates.Delivered)) return Routed;
        return Delivered;
    }
}

/// <summary>
/// Which records to list, newest first: filters (all optional) and the keyset cursor <see cref="Before"/> (the
/// <see cref="RecordPage.Next"/> of the page before), so a page costs the same however deep it is.
/// With <see cref="PartnerId"/>, the state filters look at that partner's delivery.
/// </summary>
public sealed record RecordQuery
{
    public string? State { get; init; }
    public string? PartnerId { get; init; }
    public string? PatientId { get; init; }
    public string? Kind { get; init; }
    /// <summary>Received at or after.</summary>
    public DateTimeOffset? Since { get; init; }
    /// <summary>Received before.</summary>
    public DateTimeOffset? Until { get; init; }
    public long? Before { get; init; }
    public int Limit { get; init; } = 50;
}

/// <summary>One partner's delivery of a record in a listing: its status and why it stands there (hold reason, last failure, refusal).</summary>
public sealed record PartnerState(string PartnerId, string Status, string? Reason);

/// <summary>A record in a listing: key, kind, state, per-partner states and the reason it stands where it does.</summary>
public sealed record RecordSummary(long Seq, string RecordKey, string Kind, string State, DateTimeOffset ReceivedAt,
    IReadOnlyList<PartnerState> Partners, string? Reason);

/// <summary>A page of records and the cursor of the next page (null on the last).</summary>
public sealed record RecordPage(IReadOnlyList<RecordSummary> Records, long? Next);

/// <summary>A mapped resource as stored for a record (its JSON empty once pruned).</summary>
public sealed record StoredResource(string ResourceType, string Id, string Profile, ReadOnlyMemory<byte> Json);

/// <summary>Everything about one record for an operator: its status, resources as sent, AuditEvents, ledger trace, and whether its payloads were pruned.</summary>
public sealed record RecordDetail(RecordStatus Status, string PatientId, string State, IReadOnlyList<StoredResource> Resources,
    IReadOnlyList<StoredAuditEvent> AuditEvents, IReadOnlyList<Ledger.LedgerEntry> Ledger, bool Pruned);

/// <summary>One partner's queue: deliveries per status and when the last one was delivered.</summary>
public sealed record PartnerQueue(string PartnerId, IReadOnlyDictionary<string, int> ByStatus, DateTimeOffset? LastDelivered)
{
    public int Depth => ByStatus.GetValueOrDefault(DeliveryStates.Pending) + ByStatus.GetValueOrDefault(DeliveryStates.Leased);
}
