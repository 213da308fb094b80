namespace FhirGateway.Fhir.Issues;

/// <summary>Problems the profile validator finds in what an instance points at: extensions, references, profiles, narrative.</summary>
public static partial class IssueCatalogue
{
    // Extensions
    public static readonly IssueDefinition ValExtensionUnknown = new("val-extension-unknown", IssueSeverity.Warning, IssueType.Extension,
        "The extension {0} is unknown; its content is not checked");
    public static readonly IssueDefinition ValModifierExtensionUnknown = new("val-modifier-extension-unknown", IssueSeverity.Error, IssueType.Extension,
        "The modifier extension {0} is unknown: a modifier extension changes the meaning of its element and cannot be ignored");
    public static readonly IssueDefinition ValExtensionNotExtension = new("val-extension-not-extension", IssueSeverity.Error, IssueType.Extension,
        "The url {0} names a StructureDefinition of type {1}, not an extension");
    public static readonly IssueDefinition ValExtensionContext = new("val-extension-context", IssueSeverity.Error, IssueType.Extension,
        "The extension {0} is not allowed on {1}; its allowed contexts are {2}");
    public static readonly IssueDefinition ValExtensionModifierMismatch = new("val-extension-modifier-mismatch", IssueSeverity.Error, IssueType.Extension,
        "The extension {0} {1}");
    public static readonly IssueDefinition ValExtensionNoUrl = new("val-extension-no-url", IssueSeverity.Error, IssueType.Extension,
        "The extension has no url, so it cannot be identified, used or validated");
    public static readonly IssueDefinition ValExtensionVersionedUrl = new("val-extension-versioned-url", IssueSeverity.Error, IssueType.Extension,
        "The extension url {0} must not carry a version");
    public static readonly IssueDefinition ValExtensionContextInvariant = new("val-extension-context-invariant", IssueSeverity.Error, IssueType.Extension,
        "The extension {0} may not be used here: its context invariant {1} fails");

    // References
    public static readonly IssueDefinition ValReferenceFormat = new("val-reference-format", IssueSeverity.Error, IssueType.Value,
        "'{0}' is not a valid reference: {1}");
    public static readonly IssueDefinition ValReferenceTargetType = new("val-reference-target-type", IssueSeverity.Error, IssueType.Structure,
        "The reference '{0}' points to a {1}, which is not an allowed target here (allowed: {2})");
    public static readonly IssueDefinition ValReferenceTargetProfileUnknown = new("val-reference-target-profile-unknown", IssueSeverity.Warning, IssueType.NotFound,
        "The reference '{0}' points to a {1}, which none of the known target profiles allows; the target profiles {2} are unknown, so whether it may be referenced here cannot be told");
    public static readonly IssueDefinition ValReferenceContainedMissing = new("val-reference-contained-missing", IssueSeverity.Error, IssueType.NotFound,
        "The reference '{0}' names a contained resource, but the container has none with that id");
    public static readonly IssueDefinition ValReferenceInBundleMissing = new("val-reference-in-bundle-missing", IssueSeverity.Warning, IssueType.NotFound,
        "The reference '{0}' cannot be resolved: no entry of the Bundle has it as fullUrl");
    public static readonly IssueDefinition ValReferenceUnresolved = new("val-reference-unresolved", IssueSeverity.Warning, IssueType.NotFound,
        "The reference '{0}' cannot be resolved");
    public static readonly IssueDefinition ValReferenceAmbiguous = new("val-reference-ambiguous", IssueSeverity.Error, IssueType.Duplicate,
        "The reference '{0}' matches {1} entries of the Bundle");
    public static readonly IssueDefinition ValReferenceTypeElement = new("val-reference-type-element", IssueSeverity.Error, IssueType.Value,
        "Reference.type is {0}, but the reference '{1}' points to a {2}");
    public static readonly IssueDefinition ValReferenceTargetProfile = new("val-reference-target-profile", IssueSeverity.Error, IssueType.Structure,
        "The resource that '{0}' points to does not conform to any allowed target profile ({1})");

    // Profiles and definitions
    public static readonly IssueDefinition ValProfileUnknown = new("val-profile-unknown", IssueSeverity.Warning, IssueType.NotFound,
        "The declared profile {0} is unknown; the resource is not checked against it");
    public static readonly IssueDefinition ValProfileRequestedUnknown = new("val-profile-requested-unknown", IssueSeverity.Error, IssueType.NotFound,
        "The profile {0} is unknown, so the resource cannot be checked against it");
    public static readonly IssueDefinition ValProfileWrongType = new("val-profile-wrong-type", IssueSeverity.Error, IssueType.Structure,
        "The profile {0} is for {1}, not for {2}");
    public static readonly IssueDefinition ValProfileNoMatch = new("val-profile-no-match", IssueSeverity.Error, IssueType.Structure,
        "The element conforms to none of the allowed profiles {0}");
    public static readonly IssueDefinition ValDefinitionUnreadable = new("val-definition-unreadable", IssueSeverity.Error, IssueType.Structure,
        "The definition {0} cannot be read, so nothing is checked against it: {1}");
    public static readonly IssueDefinition ValSnapshotProblem = new("val-snapshot-problem", IssueSeverity.Warning, IssueType.Structure,
        "The snapshot of {0} generated with problems: {1}");
    public static readonly IssueDefinition ValDefinitionSnapshot = new("val-definition-snapshot", IssueSeverity.Error, IssueType.Structure,
        "The differential of this StructureDefinition does not make a valid snapshot: {0}");
    public static readonly IssueDefinition ValSnapshotMissing = new("val-snapshot-missing", IssueSeverity.Error, IssueType.Structure,
        "{0} has no snapshot and none could be generated, so nothing is checked against it");

    // Narrative
    public static readonly IssueDefinition ValXhtmlMalformed = new("val-xhtml-malformed", IssueSeverity.Error, IssueType.Structure,
        "The narrative is not well-formed XHTML: {0}");
    public static readonly IssueDefinition ValXhtmlRoot = new("val-xhtml-root", IssueSeverity.Error, IssueType.Structure,
        "The narrative must be one <div> element in the XHTML namespace (http://www.w3.org/1999/xhtml), found {0}");
    public static readonly IssueDefinition ValXhtmlElement = new("val-xhtml-element", IssueSeverity.Error, IssueType.Security,
        "The XHTML element <{0}> is not allowed in a narrative");
    public static readonly IssueDefinition ValXhtmlAttribute = new("val-xhtml-attribute", IssueSeverity.Error, IssueType.Security,
        "The attribute '{0}' of <{1}> is not allowed in a narrative");
    public static readonly IssueDefinition ValXhtmlUnsafeLink = new("val-xhtml-unsafe-link", IssueSeverity.Error, IssueType.Security,
        "The {0} of <{1}> uses a script URL, which is not allowed in a narrative");
    public static readonly IssueDefinition ValXhtmlLinkUnresolved = new("val-xhtml-link-unresolved", IssueSeverity.Error, IssueType.Value,
        "The narrative links to '{0}', which is not an anchor (an element's id or name) of the narrative");
    public static readonly IssueDefinition ValXhtmlDeclaration = new("val-xhtml-declaration", IssueSeverity.Error, IssueType.Security,
        "The narrative contains a {0}, which is not allowed");
}
