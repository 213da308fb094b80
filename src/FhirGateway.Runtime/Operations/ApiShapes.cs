namespace FhirGateway.Runtime.Operations;

/// <summary>
/// The shapes of the HTTP API's bodies, for its OpenAPI description only (the endpoints write their JSON themselves):
/// the OperationOutcome of every refusal, a record's status, a page of records.
/// </summary>
public static class ApiShapes
{
    /// <summary>A FHIR R4 OperationOutcome, as every 4xx answer of the API carries it (<c>application/fhir+json</c>).</summary>
    public sealed record OperationOutcome(string ResourceType, IReadOnlyList<OutcomeIssue> Issue);

    /// <summary>One issue: severity (fatal, error, warning, information), the issue-type code, the text, and where (FHIRPath or the field).</summary>
    public sealed record OutcomeIssue(string Severity, string Code, IssueDetails? Details, string? Diagnostics, IReadOnlyList<string>? Expression);

    /// <summary>The issue's coded detail: the gateway's issue code and its text.</summary>
    public sealed record IssueDetails(IReadOnlyList<IssueCoding>? Coding, string? Text);

    public sealed record IssueCoding(string? System, string? Code);

    /// <summary><c>GET /records/{receipt}</c>: the state, the step and OperationOutcome that parked it, each partner's delivery.</summary>
    public sealed record RecordStatus(string ReceiptId, string RecordKey, string Kind, string State, DateTimeOffset ReceivedAt,
        ParkedShape? Parked, IReadOnlyList<DeliveryShape> Deliveries);

    public sealed record ParkedShape(string Step, OperationOutcome Outcome);

    /// <summary>One partner's delivery: status, attempts, next attempt, hold reason, last answer, the cause of the last failure in words, and a refusal's OperationOutcome.</summary>
    public sealed record DeliveryShape(string Partner, string Status, int Attempts, DateTimeOffset? NextAttemptAt, string? HoldReason,
        string? LastStatus, string? LastFailure, OperationOutcome? Outcome);

    /// <summary><c>GET /records</c>: records newest first and the <c>page</c> of the next page (null on the last).</summary>
    public sealed record RecordList(IReadOnlyList<ListedRecord> Records, long? Next);

    public sealed record ListedRecord(string RecordKey, string Kind, string State, DateTimeOffset ReceivedAt, IReadOnlyList<ListedPartner> Partners, string? Reason);

    public sealed record ListedPartner(string Partner, string Status, string? Reason);
}
