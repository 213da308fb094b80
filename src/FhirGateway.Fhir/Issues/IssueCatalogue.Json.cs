namespace FhirGateway.Fhir.Issues;

/// <summary>Problems the JSON reader finds while turning FHIR JSON (https://hl7.org/fhir/R4/json.html) into an element tree.</summary>
public static partial class IssueCatalogue
{
    public static readonly IssueDefinition JsonMalformed = new("json-malformed", IssueSeverity.Fatal, IssueType.Structure,
        "The text is not valid JSON: {0}");

    public static readonly IssueDefinition JsonRootNotObject = new("json-root-not-object", IssueSeverity.Fatal, IssueType.Structure,
        "A FHIR resource must be a JSON object, found {0}");

    public static readonly IssueDefinition JsonUnknownProperty = new("json-unknown-property", IssueSeverity.Error, IssueType.Structure,
        "Unknown property '{0}': the type {1} has no such element");

    public static readonly IssueDefinition JsonDuplicateProperty = new("json-duplicate-property", IssueSeverity.Error, IssueType.Structure,
        "Property '{0}' appears more than once in the same object");

    public static readonly IssueDefinition JsonChoiceConflict = new("json-choice-conflict", IssueSeverity.Error, IssueType.Structure,
        "'{0}' and '{1}' both fill the choice element {2}, which takes one value of one type");

    public static readonly IssueDefinition JsonExpectedObject = new("json-expected-object", IssueSeverity.Error, IssueType.Structure,
        "'{0}' of type {1} must be a JSON object, found {2}");

    public static readonly IssueDefinition JsonExpectedArray = new("json-expected-array", IssueSeverity.Error, IssueType.Structure,
        "'{0}' repeats (max {1}) and must be a JSON array, found {2}");

    public static readonly IssueDefinition JsonUnexpectedArray = new("json-unexpected-array", IssueSeverity.Error, IssueType.Structure,
        "'{0}' does not repeat (max 1) and must not be a JSON array");

    public static readonly IssueDefinition JsonWrongValueKind = new("json-wrong-value-kind", IssueSeverity.Error, IssueType.Structure,
        "'{0}' of type {1} must be a JSON {2}, found {3}");

    public static readonly IssueDefinition JsonInvalidString = new("json-invalid-string", IssueSeverity.Error, IssueType.Structure,
        "'{0}' is not valid Unicode text: {1}");

    public static readonly IssueDefinition JsonEmptyObject = new("json-empty-object", IssueSeverity.Error, IssueType.Structure,
        "'{0}' is an empty object: FHIR JSON objects must have content");

    public static readonly IssueDefinition JsonEmptyArray = new("json-empty-array", IssueSeverity.Error, IssueType.Structure,
        "'{0}' is an empty array: FHIR JSON leaves out properties that have no values");

    public static readonly IssueDefinition JsonEmptyString = new("json-empty-string", IssueSeverity.Error, IssueType.Structure,
        "'{0}' is an empty string: FHIR values are never empty, leave the property out instead");

    public static readonly IssueDefinition JsonNullValue = new("json-null-value", IssueSeverity.Error, IssueType.Structure,
        "'{0}' is null: null is only allowed as a placeholder inside the arrays of a primitive and its '_' companion");

    public static readonly IssueDefinition JsonNullInBoth = new("json-null-in-both", IssueSeverity.Error, IssueType.Structure,
        "Entry {1} of '{0}' is null in both '{0}' and '_{0}': a placeholder needs a value or an id/extension on the other side");

    public static readonly IssueDefinition JsonUnmatchedNull = new("json-unmatched-null", IssueSeverity.Error, IssueType.Structure,
        "Entry {1} of '{0}' is a null placeholder but the other array of the pair has nothing at that index");

    public static readonly IssueDefinition JsonCompanionLengthMismatch = new("json-companion-length-mismatch", IssueSeverity.Error, IssueType.Structure,
        "'_{0}' has {1} entries but '{0}' has {2}: the arrays must align by index");

    public static readonly IssueDefinition JsonCompanionNotAllowed = new("json-companion-not-allowed", IssueSeverity.Error, IssueType.Structure,
        "'_{0}' is not allowed: only primitive elements (not attributes such as id or url) carry an id and extensions in a '_' property");

    public static readonly IssueDefinition JsonMissingResourceType = new("json-missing-resource-type", IssueSeverity.Error, IssueType.Structure,
        "'{0}' is a resource but has no 'resourceType' property");

    public static readonly IssueDefinition JsonUnknownResourceType = new("json-unknown-resource-type", IssueSeverity.Error, IssueType.Structure,
        "'{0}' is not a known concrete resource type");

    public static readonly IssueDefinition JsonResourceTypeNotAllowed = new("json-resource-type-not-allowed", IssueSeverity.Error, IssueType.Structure,
        "'resourceType' is only allowed on resources, but '{0}' is of type {1}");
}
