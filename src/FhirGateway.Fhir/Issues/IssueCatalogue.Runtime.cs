namespace FhirGateway.Fhir.Issues;

/// <summary>Problems the gateway runtime finds: at intake, in the pipeline around the mapper and validator, and in partners' answers.</summary>
public static partial class IssueCatalogue
{
    public static readonly IssueDefinition GatewayIntakeConflict = new("gw-intake-conflict", IssueSeverity.Error, IssueType.Conflict,
        "Record {0} was received before with other content (receipt {1}); a correction needs a new version");
    public static readonly IssueDefinition GatewayIntakeTooLarge = new("gw-intake-too-large", IssueSeverity.Error, IssueType.TooLong,
        "The record is larger than the limit of {0} bytes (setting Intake:MaxRecordBytes)");
    public static readonly IssueDefinition GatewayIntakeMediaType = new("gw-intake-media-type", IssueSeverity.Error, IssueType.NotSupported,
        "Content-Type '{0}' is not JSON: send the record as application/json");
    public static readonly IssueDefinition GatewayIntakeUnauthenticated = new("gw-intake-unauthenticated", IssueSeverity.Error, IssueType.Security,
        "No valid API key (header {0}) or bearer token was given");
    public static readonly IssueDefinition GatewayQueueSessionMismatch = new("gw-queue-session-mismatch", IssueSeverity.Error, IssueType.Invalid,
        "The message came in session '{0}' but the record is of another patient: send each record in the session of its patient id, which keeps the patient's records in order");
    public static readonly IssueDefinition GatewayUnknownReceipt = new("gw-unknown-receipt", IssueSeverity.Error, IssueType.NotFound,
        "No record was received with receipt '{0}'");
    public static readonly IssueDefinition GatewayIntakeUnreadable = new("gw-intake-unreadable", IssueSeverity.Error, IssueType.Exception,
        "The record file cannot be read: {0}");
    public static readonly IssueDefinition GatewayIntakeFailed = new("gw-intake-failed", IssueSeverity.Fatal, IssueType.Exception,
        "Taking the record in failed in the gateway ({0}); it was set aside and nothing else was held up");
    public static readonly IssueDefinition GatewayPipelineFailed = new("gw-pipeline-failed", IssueSeverity.Fatal, IssueType.Exception,
        "Processing the record failed in the gateway ({0}); the record is parked until the cause is fixed");
    public static readonly IssueDefinition GatewayMappingFailed = new("gw-mapping-failed", IssueSeverity.Fatal, IssueType.Exception,
        "The mapper failed on this record ({0}); the record is parked until the mapper is fixed");
    public static readonly IssueDefinition GatewayValidationFailed = new("gw-validation-failed", IssueSeverity.Fatal, IssueType.Exception,
        "The validator failed on {0} ({1}); the record is parked until the validator is fixed");
    public static readonly IssueDefinition GatewayPartnerRejected = new("gw-partner-rejected", IssueSeverity.Error, IssueType.Processing,
        "Partner {0} refused the transaction with HTTP {1} and no OperationOutcome");
    public static readonly IssueDefinition GatewayPartnerEntryFailed = new("gw-partner-entry-failed", IssueSeverity.Error, IssueType.Processing,
        "Partner {0} answered entry {1} with {2}");
    public static readonly IssueDefinition GatewayPartnerUnreadable = new("gw-partner-unreadable", IssueSeverity.Error, IssueType.Structure,
        "Partner {0} answered HTTP {1} with a body that is not a transaction-response Bundle: {2}");
    public static readonly IssueDefinition GatewayPartnerGaveUp = new("gw-partner-gave-up", IssueSeverity.Error, IssueType.Timeout,
        "Partner {0} did not accept the delivery after {1} attempts (last: {2}); the delivery is parked");
    public static readonly IssueDefinition GatewayQueryInvalid = new("gw-query-invalid", IssueSeverity.Error, IssueType.Value,
        "The record filter is not valid: {0}");
    public static readonly IssueDefinition GatewayForbidden = new("gw-forbidden", IssueSeverity.Error, IssueType.Security,
        "{0} holds the role {1}, which may not {2}");
    public static readonly IssueDefinition GatewayUnknownRecord = new("gw-unknown-record", IssueSeverity.Error, IssueType.NotFound,
        "No record '{0}' is stored");
}
