namespace FhirGateway.Fhir.Issues;

/// <summary>
/// Problems in the kind-specific fields of a clinic record, found while mapping it to FHIR. The issue's
/// <c>Origin</c> names the record (<c>recordId@version</c>) and its expression the field (<c>alsfrsR.items.speech</c>).
/// </summary>
public static partial class IssueCatalogue
{
    public static readonly IssueDefinition RecordValueOutOfRange = new("record-value-out-of-range", IssueSeverity.Error, IssueType.Value,
        "The record's '{0}' is {1}, outside the allowed range {2}");
    public static readonly IssueDefinition RecordUnknownCode = new("record-unknown-code", IssueSeverity.Error, IssueType.CodeInvalid,
        "The record's '{0}' is '{1}', which is not one of: {2}");
    public static readonly IssueDefinition RecordUnitMismatch = new("record-unit-mismatch", IssueSeverity.Error, IssueType.Value,
        "The record's '{0}' is '{1}', which does not fit {2} (allowed: {3})");
    public static readonly IssueDefinition RecordScoreMismatch = new("record-score-mismatch", IssueSeverity.Error, IssueType.BusinessRule,
        "The record's '{0}' is {1} but its items add up to {2}");
    public static readonly IssueDefinition RecordReleaseCriterionNotMet = new("record-release-criterion-not-met", IssueSeverity.Error, IssueType.BusinessRule,
        "The record's '{0}' is {1}%: a lot is released only with {2}");
    public static readonly IssueDefinition RecordSafetyReviewMissing = new("record-safety-review-missing", IssueSeverity.Error, IssueType.BusinessRule,
        "Intrathecal delivery needs the recorded safety review in '{0}'");
    public static readonly IssueDefinition RecordSafetyReviewNotApproved = new("record-safety-review-not-approved", IssueSeverity.Error, IssueType.BusinessRule,
        "Intrathecal delivery needs a safety review whose outcome is approved; '{0}' is '{1}'");
    public static readonly IssueDefinition RecordNotEligible = new("record-not-eligible", IssueSeverity.Error, IssueType.BusinessRule,
        "An active infusion series needs an eligibility assessment that found the patient eligible; '{0}' is {1}");
    public static readonly IssueDefinition RecordInconsistent = new("record-inconsistent", IssueSeverity.Error, IssueType.BusinessRule,
        "The record's '{0}' {1}");
    public static readonly IssueDefinition RecordForbiddenClaim = new("record-forbidden-claim", IssueSeverity.Error, IssueType.BusinessRule,
        "The record's '{0}' claims {1} (\"{2}\"): the programme is an adjunct to neurology care and never states cure, reversal, halted progression, restored function, regenerated neurons or years of added life");
    public static readonly IssueDefinition RecordDuplicateEntry = new("record-duplicate-entry", IssueSeverity.Error, IssueType.Duplicate,
        "The record's '{0}' names '{1}' more than once");
    public static readonly IssueDefinition RecordNothingToMap = new("record-nothing-to-map", IssueSeverity.Error, IssueType.Required,
        "The record has none of {0}: there is nothing to send");
    public static readonly IssueDefinition RecordNotMapped = new("record-not-mapped", IssueSeverity.Information, IssueType.Informational,
        "The {0} record {1} was not mapped: it is kept until it is corrected and delivered again");
    public static readonly IssueDefinition RecordMappingFailed = new("record-mapping-failed", IssueSeverity.Fatal, IssueType.Exception,
        "Mapping the record failed unexpectedly ({0}); the record is kept for review");
}
