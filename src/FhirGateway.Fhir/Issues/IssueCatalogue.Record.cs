namespace FhirGateway.Fhir.Issues;

/// <summary>Problems in the clinic's internal records (their envelope and their kind-specific fields), found before or while mapping.</summary>
public static partial class IssueCatalogue
{
    public static readonly IssueDefinition RecordMalformedJson = new("record-malformed-json", IssueSeverity.Fatal, IssueType.Structure,
        "The record is not valid JSON (line {0}, column {1}): {2}");
    public static readonly IssueDefinition RecordNotObject = new("record-not-object", IssueSeverity.Fatal, IssueType.Structure,
        "A record must be a JSON object, found {0}");
    public static readonly IssueDefinition RecordMissingField = new("record-missing-field", IssueSeverity.Error, IssueType.Required,
        "The record has no '{0}': expected {1}");
    public static readonly IssueDefinition RecordWrongField = new("record-wrong-field", IssueSeverity.Error, IssueType.Value,
        "The record's '{0}' must be {1}, found {2}");
    public static readonly IssueDefinition RecordUnknownField = new("record-unknown-field", IssueSeverity.Error, IssueType.Structure,
        "The record's '{0}' is not a field its contract knows{1} (known here: {2})");
    public static readonly IssueDefinition RecordUnknownKind = new("record-unknown-kind", IssueSeverity.Error, IssueType.NotSupported,
        "Unknown record kind '{0}'; known kinds: {1}");
    public static readonly IssueDefinition RecordInvalidString = new("record-invalid-string", IssueSeverity.Error, IssueType.Structure,
        "The record's '{0}' holds {1} that is not valid Unicode text (invalid UTF-8, or an escaped lone surrogate such as \\ud800)");
    public static readonly IssueDefinition RecordTooDeep = new("record-too-deep", IssueSeverity.Fatal, IssueType.TooLong,
        "The record nests deeper than {0} levels at '{1}'");
    public static readonly IssueDefinition RecordArrayTooLong = new("record-array-too-long", IssueSeverity.Fatal, IssueType.TooLong,
        "The record's '{0}' has more than {1} items");
}
