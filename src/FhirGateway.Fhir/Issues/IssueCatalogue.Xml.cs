namespace FhirGateway.Fhir.Issues;

/// <summary>Problems the XML reader and writer find with FHIR XML (https://hl7.org/fhir/R4/xml.html).</summary>
public static partial class IssueCatalogue
{
    public static readonly IssueDefinition XmlMalformed = new("xml-malformed", IssueSeverity.Fatal, IssueType.Structure,
        "The text is not well-formed XML: {0}");

    public static readonly IssueDefinition XmlWrongNamespace = new("xml-wrong-namespace", IssueSeverity.Error, IssueType.Structure,
        "<{0}> is in the namespace '{1}', but {2} must be in '{3}'");

    public static readonly IssueDefinition XmlUnknownResourceType = new("xml-unknown-resource-type", IssueSeverity.Error, IssueType.Structure,
        "<{0}> is not a known concrete resource type");

    public static readonly IssueDefinition XmlUnknownElement = new("xml-unknown-element", IssueSeverity.Error, IssueType.Structure,
        "Unknown element <{0}>: the type {1} has no such element{2}");

    public static readonly IssueDefinition XmlElementOrder = new("xml-element-order", IssueSeverity.Error, IssueType.Structure,
        "<{0}> is out of order: FHIR XML gives the elements of {1} in definition order, where {0} comes before {2}");

    public static readonly IssueDefinition XmlDuplicateElement = new("xml-duplicate-element", IssueSeverity.Error, IssueType.Structure,
        "<{0}> appears more than once, but {1} does not repeat (max 1)");

    public static readonly IssueDefinition XmlChoiceConflict = new("xml-choice-conflict", IssueSeverity.Error, IssueType.Structure,
        "<{0}> and <{1}> both fill the choice element {2}, which takes one value of one type");

    public static readonly IssueDefinition XmlJsonConstruct = new("xml-json-construct", IssueSeverity.Error, IssueType.Structure,
        "<{0}> is JSON syntax, not FHIR XML: {1}");

    public static readonly IssueDefinition XmlUnexpectedAttribute = new("xml-unexpected-attribute", IssueSeverity.Error, IssueType.Structure,
        "Attribute '{0}' is not allowed on <{1}>: {2}");

    public static readonly IssueDefinition XmlExpectedAttribute = new("xml-expected-attribute", IssueSeverity.Error, IssueType.Structure,
        "{0} is an XML attribute in FHIR XML: write {0}=\"...\" on <{1}>, not a <{0}> element");

    public static readonly IssueDefinition XmlTextNotAllowed = new("xml-text-not-allowed", IssueSeverity.Error, IssueType.Structure,
        "<{0}> contains text ('{1}'): FHIR XML elements hold values in a 'value' attribute and have no text content (only the xhtml div has)");

    public static readonly IssueDefinition XmlEmptyElement = new("xml-empty-element", IssueSeverity.Error, IssueType.Structure,
        "<{0}> is empty: a FHIR element must have a value or child elements");

    public static readonly IssueDefinition XmlEmptyValue = new("xml-empty-value", IssueSeverity.Error, IssueType.Structure,
        "<{0}> has value=\"\": FHIR values are never empty, leave the attribute out instead");

    public static readonly IssueDefinition XmlResourceCount = new("xml-resource-count", IssueSeverity.Error, IssueType.Structure,
        "<{0}> must hold exactly one resource element, found {1}");

    public static readonly IssueDefinition XmlTooDeep = new("xml-too-deep", IssueSeverity.Error, IssueType.Structure,
        "<{0}> is nested deeper than {1} elements; it and its content were not read");

    public static readonly IssueDefinition XmlWriteInvalidXhtml = new("xml-write-invalid-xhtml", IssueSeverity.Error, IssueType.Structure,
        "The narrative at {0} is not well-formed XHTML ({1}), so it was written as escaped text inside an empty div");

    public static readonly IssueDefinition XmlWriteInvalidCharacter = new("xml-write-invalid-character", IssueSeverity.Error, IssueType.Structure,
        "The value of {0} holds the character U+{1:X4}, which XML 1.0 cannot carry; it was written as U+FFFD");
}
