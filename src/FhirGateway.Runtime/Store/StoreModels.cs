using FhirGateway.Mapping;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Runtime.Store;

/// <summary>A record as it arrives: its envelope, its exact bytes, and where it came from (<c>http</c>, <c>cli</c>, <c>inbox</c>).</summary>
public sealed record RecordSubmission(RecordEnvelope Envelope, ReadOnlyMemory<byte> Payload, string Source);

public enum IntakeStatus
{
    /// <summary>Stored now; the receipt is new.</summary>
    Accepted,
    /// <summary>The same record id and version with the same content was stored before; the receipt is the original one.</summary>
    Duplicate,
    /// <summary>The same record id and version was stored before with other content; nothing was stored.</summary>
    Conflict,
}

/// <summary>The answer to a submission, given only after the record is durably stored (or recognised).</summary>
public sealed record IntakeReceipt(string ReceiptId, string RecordKey, IntakeStatus Status, DateTimeOffset ReceivedAt);

/// <summary>A stored record claimed by a pipeline worker under a lease.</summary>
public sealed record ClaimedRecord(long Seq, RecordEnvelope Envelope, ReadOnlyMemory<byte> Payload, string PayloadHash);

/// <summary>A record that cannot go on: the step that stopped it (<c>mapping</c>, <c>validation</c>) and its OperationOutcome.</summary>
public sealed record RecordParking(string RecordKey, string Step, string OperationOutcome);

/// <summary>Whether a record goes to a partner now, or is held (with the reason, e.g. <c>no-consent</c>).</summary>
public sealed record PlannedDelivery(string PartnerId, string? HoldReason);

/// <summary>A mapped and validated record with the deliveries it is routed to.</summary>
public sealed record RecordRouting(MappedRecord Record, string MapperVersion, IReadOnlyList<PlannedDelivery> Deliveries);

/// <summary>
/// What the pipeline decided for one claimed record, to be stored with its ledger entries: routed (<see cref="Routing"/>)
/// or parked (<see cref="Parking"/>), exactly one of the two.
/// </summary>
public sealed record RecordOutcome
{
    private RecordOutcome(RecordRouting? routing, RecordParking? parking, IReadOnlyList<Ledger.LedgerDraft> ledger)
    {
        Routing = routing;
        Parking = parking;
        Ledger = ledger;
    }

    public RecordRouting? Routing { get; }

    public RecordParking? Parking { get; }

    public IReadOnlyList<Ledger.LedgerDraft> Ledger { get; }

    public string RecordKey => Routing?.Record.Envelope.Key ?? Parking!.RecordKey;

    public static RecordOutcome Routed(RecordRouting routing, IReadOnlyList<Ledger.LedgerDraft> ledger) =>
        new(routing ?? throw new ArgumentNullException(nameof(routing)), null, ledger ?? throw new ArgumentNullException(nameof(ledger)));

    public static RecordOutcome Parked(RecordParking parking, IReadOnlyList<Ledger.LedgerDraft> ledger) =>
        new(null, parking ?? throw new ArgumentNullException(nameof(parking)), ledger ?? throw new ArgumentNullException(nameof(ledger)));
}

/// <summary>A consent on record: patient, partner organisation, in force or not, and the record that stated it.</summary>
public sealed record ConsentRecord(string PatientId, ConsentDirective Directive, string RecordKey, DateTimeOffset RecordedAt);

/// <summary>A delivery claimed under a lease, with the mapped record it carries.</summary>
public sealed record ClaimedDelivery(long Id, string PartnerId, long RecordSeq, MappedRecord Record, int Attempts, bool Solo)
{
    public string RecordKey => Record.Envelope.Key;
    public string PatientId => Record.Envelope.PatientId;
}

/// <summary>One delivery's end: delivered, with the AuditEvent the attempt yielded.</summary>
public sealed record DeliveredItem(long DeliveryId, string AuditEventId, ReadOnlyMemory<byte> AuditEvent);

/// <summary>A parked record or delivery, for listings: where it stopped and the OperationOutcome that says why.</summary>
public sealed record ParkedItem(string RecordKey, string Kind, string? PartnerId, string Step, string OperationOutcome);

/// <summary>A held delivery, for listings.</summary>
public sealed record HeldItem(string RecordKey, string PartnerId, string Reason);

/// <summary>Counts over the whole store, for the demo summary and readiness.</summary>
public sealed record StoreSummary(
    int Records, int RecordsWaiting, int RecordsRouted, int RecordsParked, int Resources,
    int DeliveriesPending, int DeliveriesDelivered, int DeliveriesParked, int DeliveriesHeld, int AuditEvents);

/// <summary>A stored AuditEvent with the delivery it records.</summary>
public sealed record StoredAuditEvent(string Id, string RecordKey, string PartnerId, ReadOnlyMemory<byte> Json);

/// <summary>
/// Where a record stands, for the sender holding its receipt: its pipeline state (<c>waiting</c>, <c>routed</c>,
/// <c>parked</c> with the step and OperationOutcome) and, once routed, each partner delivery. Names no patient.
/// </summary>
public sealed record RecordStatus(string ReceiptId, string RecordKey, string Kind, string State, DateTimeOffset ReceivedAt,
    string? ParkedStep, string? OperationOutcome, IReadOnlyList<DeliveryStatus> Deliveries);

/// <summary>
/// One partner delivery of a record: its queue status, attempts so far, the next attempt, why it is held, the partner's
/// last answer, and the cause of the last failure in words (<c>connection refused by 127.0.0.1:5089</c>,
/// <c>timeout after 30 s</c>, the partner's status line).
/// </summary>
public sealed record DeliveryStatus(string PartnerId, string Status, int Attempts, DateTimeOffset? NextAttemptAt, string? HoldReason,
    string? LastStatus, string? OperationOutcome, string? LastFailure = null);
