namespace FhirGateway.Fhir.Issues;

/// <summary>Problems the validator finds against rules the specification states for whole resources and data types: Bundles, Attachments, QuestionnaireResponses.</summary>
public static partial class IssueCatalogue
{
    // Bundle and Attachment
    public static readonly IssueDefinition ValBundleFullUrlRelative = new("val-bundle-fullurl-relative", IssueSeverity.Error, IssueType.Value,
        "The fullUrl must be an absolute URL (not '{0}')");
    public static readonly IssueDefinition ValBundleFullUrlMissing = new("val-bundle-fullurl-missing", IssueSeverity.Error, IssueType.Required,
        "Except for transactions and batches (and their responses), each entry in a Bundle must have a fullUrl, the identity of its resource; this {0} Bundle's entry has none");
    public static readonly IssueDefinition ValBundleFullUrlMismatch = new("val-bundle-fullurl-mismatch", IssueSeverity.Error, IssueType.Value,
        "The fullUrl '{0}' names {1}, but the resource is {2}");
    public static readonly IssueDefinition ValBundleLinkRepeated = new("val-bundle-link-repeated", IssueSeverity.Error, IssueType.BusinessRule,
        "The link relation '{0}' can occur only once in a Bundle");
    public static readonly IssueDefinition ValDocumentEntryMissing = new("val-document-entry-missing", IssueSeverity.Error, IssueType.NotFound,
        "The section entry '{0}' is not in the document Bundle, which must hold every resource its sections list");
    public static readonly IssueDefinition ValDocumentEntryAmbiguous = new("val-document-entry-ambiguous", IssueSeverity.Error, IssueType.Duplicate,
        "The section entry '{0}' matches {1} entries of the document Bundle");
    public static readonly IssueDefinition ValExtensionDefinitionUrlMissing = new("val-extension-definition-url-missing", IssueSeverity.Error, IssueType.Invalid,
        "The extension definition {0} does not fix Extension.url in its differential, so instances cannot name it");
    public static readonly IssueDefinition ValExtensionDefinitionUrlMismatch = new("val-extension-definition-url-mismatch", IssueSeverity.Error, IssueType.Invalid,
        "The differential fixes Extension.url to {0}, which is not the extension definition's url {1}");
    public static readonly IssueDefinition ValSlicingOnRoot = new("val-slicing-on-root", IssueSeverity.Error, IssueType.Invalid,
        "Slicing is not allowed on the root element {0}: it has no repetitions to divide");
    public static readonly IssueDefinition ValSlicingNotRepeating = new("val-slicing-not-repeating", IssueSeverity.Error, IssueType.Invalid,
        "The element {0} does not repeat and is not a choice, so it cannot be sliced");
    public static readonly IssueDefinition ValDiscriminatorPath = new("val-discriminator-path", IssueSeverity.Error, IssueType.Invalid,
        "The discriminator path '{0}' does not lead to an element of {1}");
    public static readonly IssueDefinition ValSearchParameterBase = new("val-search-parameter-base", IssueSeverity.Error, IssueType.BusinessRule,
        "The resource type {0} is not a base of the search parameter this one is derived from ({1}, whose base is {2})");
    public static readonly IssueDefinition ValSearchParameterComponents = new("val-search-parameter-components", IssueSeverity.Error, IssueType.BusinessRule,
        "A composite search parameter needs at least two components; this one has {0}");
    public static readonly IssueDefinition ValSearchParameterType = new("val-search-parameter-type", IssueSeverity.Error, IssueType.BusinessRule,
        "The type {0} differs from the type {1} of the search parameter {2} it refers to");
    public static readonly IssueDefinition ValAttachmentSize = new("val-attachment-size", IssueSeverity.Error, IssueType.Value,
        "The attachment states a size of {0} bytes, but its data holds {1}");
    public static readonly IssueDefinition ValIdentifierNotUri = new("val-identifier-not-uri", IssueSeverity.Error, IssueType.Value,
        "The identifier's system is urn:ietf:rfc:3986, so its value must be an absolute URI (with a scheme, e.g. urn:oid:…), not '{0}'");
    public static readonly IssueDefinition ValMeasureNoLibrary = new("val-measure-no-library", IssueSeverity.Error, IssueType.Required,
        "This criterion is written in CQL, but no CQL library of the Measure can be found (Measure.library names none that resolves)");
    public static readonly IssueDefinition ValUrnInvalid = new("val-urn-invalid", IssueSeverity.Error, IssueType.Value,
        "'{0}' is not a valid {1}: {2} URIs must be valid and lowercase");

    // QuestionnaireResponse against its Questionnaire
    public static readonly IssueDefinition ValQrQuestionnaireUnknown = new("val-qr-questionnaire-unknown", IssueSeverity.Warning, IssueType.NotFound,
        "The Questionnaire {0} cannot be found, so the answers are not checked against it");
    public static readonly IssueDefinition ValQrItemNotFound = new("val-qr-item-not-found", IssueSeverity.Error, IssueType.NotFound,
        "LinkId '{0}' is not an item of the questionnaire");
    public static readonly IssueDefinition ValQrItemMisplaced = new("val-qr-item-misplaced", IssueSeverity.Error, IssueType.Structure,
        "The item '{0}' is in the wrong place: the questionnaire has it under another item");
    public static readonly IssueDefinition ValQrItemOrder = new("val-qr-item-order", IssueSeverity.Error, IssueType.Structure,
        "The item '{0}' comes after an item that the questionnaire puts after it");
    public static readonly IssueDefinition ValQrItemRepeated = new("val-qr-item-repeated", IssueSeverity.Error, IssueType.Structure,
        "The item '{0}' does not repeat, but appears {1} times");
    public static readonly IssueDefinition ValQrAnswerRepeated = new("val-qr-answer-repeated", IssueSeverity.Error, IssueType.Structure,
        "The item '{0}' does not repeat, but has {1} answers");
    public static readonly IssueDefinition ValQrRequiredMissing = new("val-qr-required-missing", IssueSeverity.Error, IssueType.Required,
        "No answer found for the required item '{0}'");
    public static readonly IssueDefinition ValQrNotEnabled = new("val-qr-not-enabled", IssueSeverity.Error, IssueType.BusinessRule,
        "The item '{0}' is not enabled (its enableWhen conditions are not met), but is answered");
    public static readonly IssueDefinition ValQrAnswerNotAllowed = new("val-qr-answer-not-allowed", IssueSeverity.Error, IssueType.Structure,
        "Items of type {0} cannot have answers ('{1}')");
    public static readonly IssueDefinition ValQrItemsNotAllowed = new("val-qr-items-not-allowed", IssueSeverity.Error, IssueType.Structure,
        "The item '{0}' of type {1} cannot contain items directly: only groups do (questions nest items under their answers)");
    public static readonly IssueDefinition ValQrTextMismatch = new("val-qr-text-mismatch", IssueSeverity.Error, IssueType.Value,
        "The text of item '{0}' is '{1}', but the questionnaire says '{2}'");
    public static readonly IssueDefinition ValQrAnswerType = new("val-qr-answer-type", IssueSeverity.Error, IssueType.Structure,
        "The answer must be of type {0}, not {1}");
    public static readonly IssueDefinition ValQrAnswerCount = new("val-qr-answer-count", IssueSeverity.Error, IssueType.Structure,
        "The item '{0}' needs {1} {2} answers, but has {3}");
    public static readonly IssueDefinition ValQrAnswerOption = new("val-qr-answer-option", IssueSeverity.Error, IssueType.CodeInvalid,
        "The answer {0} is not one of the item's answer options");
    public static readonly IssueDefinition ValQrAnswerValueSet = new("val-qr-answer-value-set", IssueSeverity.Error, IssueType.CodeInvalid,
        "The answer {0} is not in the value set {1}");
    public static readonly IssueDefinition ValQrDecimalPlaces = new("val-qr-decimal-places", IssueSeverity.Error, IssueType.Value,
        "The answer {0} has {1} decimal places; at most {2} are allowed");
    public static readonly IssueDefinition ValQrMinLength = new("val-qr-min-length", IssueSeverity.Error, IssueType.Value,
        "The answer '{0}' is shorter than the minimum length of {1}");
    public static readonly IssueDefinition ValQrRegex = new("val-qr-regex", IssueSeverity.Error, IssueType.Value,
        "The answer '{0}' does not match the expected format ({1})");
    public static readonly IssueDefinition ValQrMimeType = new("val-qr-mime-type", IssueSeverity.Error, IssueType.Value,
        "The attachment's type {0} is not allowed here (allowed: {1})");
    public static readonly IssueDefinition ValQrMaxSize = new("val-qr-max-size", IssueSeverity.Error, IssueType.TooLong,
        "The attachment holds {0} bytes; at most {1} are allowed");
    public static readonly IssueDefinition ValQrUnitOption = new("val-qr-unit-option", IssueSeverity.Error, IssueType.CodeInvalid,
        "The unit {0} is not one of the allowed units ({1})");
    public static readonly IssueDefinition ValQrReferenceType = new("val-qr-reference-type", IssueSeverity.Error, IssueType.Value,
        "The reference '{0}' points to a {1}, which is not allowed here (allowed: {2})");
    public static readonly IssueDefinition ValQrReferenceUnknownType = new("val-qr-reference-unknown-type", IssueSeverity.Error, IssueType.Value,
        "'{0}' in the reference '{1}' is not a resource type");
    public static readonly IssueDefinition ValQrNoFormalUnits = new("val-qr-no-formal-units", IssueSeverity.Error, IssueType.Value,
        "The quantity {0} cannot be compared with the {1} {2}, as they have no formal (UCUM) units");
}
