namespace FhirGateway.Runtime.Ledger;

/// <summary>
/// What a step appends to the ledger before the store gives it a place in the chain: the step, the record
/// (<c>recordId@version</c>) and patient it concerns, the partner and its response status where there is one, the
/// SHA-256 of the canonical payload (never the payload), the resources (<c>Type/id</c> or <c>Type/id/_history/v</c>)
/// and a short detail (issue codes, a reason).
/// </summary>
public sealed record LedgerDraft(string Step, string RecordKey, string PatientId)
{
    public string? PartnerId { get; init; }
    public string? Status { get; init; }
    public string? PayloadHash { get; init; }
    public IReadOnlyList<string> Resources { get; init; } = [];
    public string? Detail { get; init; }
}

/// <summary>A ledger entry as stored: the draft, its sequence number and time, the previous entry's hash and its own.</summary>
public sealed record LedgerEntry(long Seq, string At, LedgerDraft Draft, string PreviousHash, string Hash)
{
    public string Step => Draft.Step;
    public string RecordKey => Draft.RecordKey;
}

/// <summary>The ledger's step names (stable: they are hashed into the chain).</summary>
public static class LedgerSteps
{
    /// <summary>The detail of the <see cref="PartnerResponse"/> entry of a delivery the partner accepted (what readers of the ledger match on).</summary>
    public const string DeliveredDetail = "delivered";

    public const string Received = "received";
    public const string Mapped = "mapped";
    public const string Validated = "validated";
    public const string Parked = "parked";
    public const string Held = "held";
    public const string Released = "released";
    public const string Sent = "sent";
    public const string PartnerResponse = "partner-response";
    public const string RetryScheduled = "retry-scheduled";
    public const string Replayed = "replayed";
    /// <summary>An entry kept back from a delivery: the partner already holds the resource from a newer record.</summary>
    public const string Superseded = "superseded";
    /// <summary>A delivered record's payload and resources were removed under the retention rule; the entry keeps the payload's hash.</summary>
    public const string Pruned = "pruned";
    /// <summary>An operator's action in the console (replay, release), with who did it.</summary>
    public const string Console = "console";
}
