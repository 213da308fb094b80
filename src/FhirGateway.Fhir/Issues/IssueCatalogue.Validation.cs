namespace FhirGateway.Fhir.Issues;

/// <summary>Problems the profile validator finds in an instance: structure, values, codes, invariants, slicing, extensions and references.</summary>
public static partial class IssueCatalogue
{
    // Cardinality and types
    public static readonly IssueDefinition ValCardinalityMin = new("val-cardinality-min", IssueSeverity.Error, IssueType.Required,
        "{0}: minimum required = {1}, but only found {2}{3}");
    public static readonly IssueDefinition ValCardinalityMax = new("val-cardinality-max", IssueSeverity.Error, IssueType.Structure,
        "{0}: maximum allowed = {1}, but found {2}{3}");
    public static readonly IssueDefinition ValTypeNotAllowed = new("val-type-not-allowed", IssueSeverity.Error, IssueType.Structure,
        "The type {0} is not allowed here{2}; allowed: {1}");
    public static readonly IssueDefinition ValTypeUnknown = new("val-type-unknown", IssueSeverity.Warning, IssueType.NotSupported,
        "No definition is known for the type {0}; its content is not checked");

    // Primitive values
    public static readonly IssueDefinition ValPrimitiveLexical = new("val-primitive-lexical", IssueSeverity.Error, IssueType.Value,
        "'{0}' is not a valid {1}{2}");
    public static readonly IssueDefinition ValDateInvalid = new("val-date-invalid", IssueSeverity.Error, IssueType.Value,
        "'{0}' is not a valid {1}: no such day in the calendar");
    public static readonly IssueDefinition ValIntegerRange = new("val-integer-range", IssueSeverity.Error, IssueType.Value,
        "{0} is outside the range of {1} ({2} to {3})");
    public static readonly IssueDefinition ValDecimalRange = new("val-decimal-range", IssueSeverity.Error, IssueType.Value,
        "{0} is beyond the range of a decimal (an IEEE 754 double, about ±1.8E+308)");
    public static readonly IssueDefinition ValCanonicalRelative = new("val-canonical-relative", IssueSeverity.Error, IssueType.Value,
        "The canonical '{0}' is neither an absolute URL nor a reference to a contained resource ('#id'): canonical URLs must be absolute");
    public static readonly IssueDefinition ValExampleUrl = new("val-example-url", IssueSeverity.Error, IssueType.Value,
        "'{0}' is on an example domain, which is not allowed here (a Java-compatible policy)");
    public static readonly IssueDefinition ValMaxLength = new("val-max-length", IssueSeverity.Error, IssueType.TooLong,
        "The value is {0} characters long; the maximum allowed is {1}");
    public static readonly IssueDefinition ValPrimitiveEmpty = new("val-primitive-empty", IssueSeverity.Error, IssueType.Required,
        "{0} has neither a value nor extensions");
    public static readonly IssueDefinition ValHtmlInString = new("val-html-in-string", IssueSeverity.Error, IssueType.Security,
        "The value contains text that looks like an embedded HTML tag ('{0}'), which is not allowed for security reasons");

    // Fixed, pattern, ranges
    public static readonly IssueDefinition ValFixedMismatch = new("val-fixed-mismatch", IssueSeverity.Error, IssueType.Value,
        "The value {0} does not equal the fixed value {1}{2}");
    public static readonly IssueDefinition ValPatternMismatch = new("val-pattern-mismatch", IssueSeverity.Error, IssueType.Value,
        "The value {0} does not match the pattern {1}{2}");
    public static readonly IssueDefinition ValMinValue = new("val-min-value", IssueSeverity.Error, IssueType.Value,
        "The value {0} is less than the minimum allowed {1}");
    public static readonly IssueDefinition ValMaxValue = new("val-max-value", IssueSeverity.Error, IssueType.Value,
        "The value {0} is greater than the maximum allowed {1}");
    public static readonly IssueDefinition ValValueNotComparable = new("val-value-not-comparable", IssueSeverity.Warning, IssueType.Value,
        "The value {0} cannot be compared with the {1} {2}");

    // Bindings
    public static readonly IssueDefinition ValBindingRequired = new("val-binding-required", IssueSeverity.Error, IssueType.CodeInvalid,
        "{0} is not in the value set {1}, and a code from this value set is required");
    public static readonly IssueDefinition ValBindingExtensible = new("val-binding-extensible", IssueSeverity.Warning, IssueType.CodeInvalid,
        "{0} is not in the value set {1}, which is extensible: a code from it should be used when one fits");
    public static readonly IssueDefinition ValBindingNoCode = new("val-binding-no-code", IssueSeverity.Error, IssueType.CodeInvalid,
        "No code is given, and a code from the value set {0} is required");
    public static readonly IssueDefinition ValBindingUndecided = new("val-binding-undecided", IssueSeverity.Information, IssueType.Informational,
        "{0} could not be checked against the value set {1}: {2}");
    public static readonly IssueDefinition ValCodeIssue = new("val-code-issue", IssueSeverity.Warning, IssueType.CodeInvalid,
        "{0}");

    // Invariants
    public static readonly IssueDefinition ValInvariantFailed = new("val-invariant-failed", IssueSeverity.Error, IssueType.Invariant,
        "Constraint {0} failed: {1}");
    public static readonly IssueDefinition ValInvariantNotEvaluated = new("val-invariant-not-evaluated", IssueSeverity.Warning, IssueType.Processing,
        "Constraint {0} could not be evaluated: {1}");
    public static readonly IssueDefinition ValInvariantNotCompiled = new("val-invariant-not-compiled", IssueSeverity.Warning, IssueType.Processing,
        "Constraint {0} of {1} does not compile and is not checked: {2}");

    // Slicing
    public static readonly IssueDefinition ValSliceClosed = new("val-slice-closed", IssueSeverity.Error, IssueType.Structure,
        "This element matches no slice of {0}, whose slicing is closed");
    public static readonly IssueDefinition ValSliceOrder = new("val-slice-order", IssueSeverity.Error, IssueType.Structure,
        "This element matches slice '{0}', which comes before slice '{1}' of an earlier element, but the slicing of {2} is ordered");
    public static readonly IssueDefinition ValSliceOpenAtEnd = new("val-slice-open-at-end", IssueSeverity.Error, IssueType.Structure,
        "This element matches slice '{0}' after an element that matched no slice, but the slicing of {1} is open only at the end");
    public static readonly IssueDefinition ValSliceMin = new("val-slice-min", IssueSeverity.Error, IssueType.Required,
        "Slice '{0}': minimum required = {1}, but only found {2}{3}");
    public static readonly IssueDefinition ValSliceMax = new("val-slice-max", IssueSeverity.Error, IssueType.Structure,
        "Slice '{0}': maximum allowed = {1}, but found {2}{3}");

    public static readonly IssueDefinition ValidatorFailed = new("validator-failed", IssueSeverity.Fatal, IssueType.Exception,
        "The validator failed on this input ({0}); it is reported as not validated");
}
