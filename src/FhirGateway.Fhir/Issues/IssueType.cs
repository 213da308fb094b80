namespace FhirGateway.Fhir.Issues;

/// <summary>The OperationOutcome issue-type codes (http://hl7.org/fhir/issue-type) the gateway reports.</summary>
public enum IssueType
{
    Invalid,
    Structure,
    Required,
    Value,
    Invariant,
    Security,
    Processing,
    NotSupported,
    Duplicate,
    NotFound,
    TooLong,
    CodeInvalid,
    Extension,
    BusinessRule,
    Conflict,
    Exception,
    Timeout,
    Informational,
}

public static class IssueTypeCodes
{
    /// <summary>The code as written in an OperationOutcome (<c>code-invalid</c>, <c>not-found</c>…).</summary>
    public static string ToCode(this IssueType type) => type switch
    {
        IssueType.Invalid => "invalid",
        IssueType.Structure => "structure",
        IssueType.Required => "required",
        IssueType.Value => "value",
        IssueType.Invariant => "invariant",
        IssueType.Security => "security",
        IssueType.Processing => "processing",
        IssueType.NotSupported => "not-supported",
        IssueType.Duplicate => "duplicate",
        IssueType.NotFound => "not-found",
        IssueType.TooLong => "too-long",
        IssueType.CodeInvalid => "code-invalid",
        IssueType.Extension => "extension",
        IssueType.BusinessRule => "business-rule",
        IssueType.Conflict => "conflict",
        IssueType.Exception => "exception",
        IssueType.Timeout => "timeout",
        IssueType.Informational => "informational",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string ToCode(this IssueSeverity severity) => severity switch
    {
        IssueSeverity.Fatal => "fatal",
        IssueSeverity.Error => "error",
        IssueSeverity.Warning => "warning",
        IssueSeverity.Information => "information",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };
}
