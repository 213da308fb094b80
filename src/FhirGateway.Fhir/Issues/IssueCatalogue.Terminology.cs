namespace FhirGateway.Fhir.Issues;

/// <summary>
/// What offline terminology finds about a code, a display or a unit. Issues carry no location: the caller (the
/// validator) adds the FHIRPath expression. Messages name the code, the system, the value set and what would be valid.
/// </summary>
public static partial class IssueCatalogue
{
    public static readonly IssueDefinition TxValueSetUnknown = new("tx-valueset-unknown", IssueSeverity.Warning, IssueType.NotFound,
        "The value set {0} is not known (not in the definitions loaded), so the code {1} cannot be checked against it");
    public static readonly IssueDefinition TxValueSetVersionOther = new("tx-valueset-version-other", IssueSeverity.Information, IssueType.Informational,
        "Version {0} of the value set {1} is not held; the code was checked against {2}");
    public static readonly IssueDefinition TxValueSetCycle = new("tx-valueset-cycle", IssueSeverity.Warning, IssueType.Processing,
        "The value set {0} imports itself (through {1}); the import is ignored and codes it would add cannot be checked");
    public static readonly IssueDefinition TxCodeMissing = new("tx-code-missing", IssueSeverity.Error, IssueType.CodeInvalid,
        "No code is given (system {0}), so nothing from the value set {1} is chosen");
    public static readonly IssueDefinition TxCodeNotInValueSet = new("tx-code-not-in-valueset", IssueSeverity.Error, IssueType.CodeInvalid,
        "The code {0} is not in the value set {1}; {2}");
    public static readonly IssueDefinition TxSystemNotInValueSet = new("tx-system-not-in-valueset", IssueSeverity.Error, IssueType.CodeInvalid,
        "The code {0} is not in the value set {1}: the system {2} is not one the value set draws on ({3})");
    public static readonly IssueDefinition TxSystemMissing = new("tx-system-missing", IssueSeverity.Error, IssueType.CodeInvalid,
        "The code '{0}' (no system given) is not in the value set {1}; {2}");
    public static readonly IssueDefinition TxCodeUnknown = new("tx-code-unknown", IssueSeverity.Error, IssueType.CodeInvalid,
        "The code '{0}' is not defined in the code system {1}{2}");
    public static readonly IssueDefinition TxCodeWrongCase = new("tx-code-wrong-case", IssueSeverity.Error, IssueType.CodeInvalid,
        "The code '{0}' is not defined in the code system {1}, whose codes are case-sensitive: the code is '{2}'");
    public static readonly IssueDefinition TxCodeMalformed = new("tx-code-malformed", IssueSeverity.Error, IssueType.CodeInvalid,
        "'{0}' is not a valid {1}: {2}");
    public static readonly IssueDefinition TxSystemUnknown = new("tx-system-unknown", IssueSeverity.Warning, IssueType.NotFound,
        "The code system {0} is not known (no definition is loaded and it is not a known external system), so the code '{1}' cannot be checked");
    public static readonly IssueDefinition TxSystemNotHeld = new("tx-system-not-held", IssueSeverity.Information, IssueType.Informational,
        "The code '{0}' of {1} cannot be checked offline: {2}");
    public static readonly IssueDefinition TxSystemPartial = new("tx-system-partial", IssueSeverity.Information, IssueType.Informational,
        "The code '{0}' is not among the codes held for {1}, which is only partly defined here (content: {2}); it cannot be checked");
    public static readonly IssueDefinition TxSystemVersionNotHeld = new("tx-system-version-not-held", IssueSeverity.Information, IssueType.Informational,
        "Version {0} of the code system {1} is not held; the code '{2}' was looked up in version {3}, where it is not defined, so it cannot be checked");
    public static readonly IssueDefinition TxSystemVersionOther = new("tx-system-version-other", IssueSeverity.Information, IssueType.Informational,
        "The coding names version {0} of the code system {1}, which is not held; the code '{2}' was checked against version {3}");
    public static readonly IssueDefinition TxMembershipUndecided = new("tx-membership-undecided", IssueSeverity.Information, IssueType.Informational,
        "Whether the code {0} is in the value set {1} cannot be decided offline: {2}");
    public static readonly IssueDefinition TxDisplayWrong = new("tx-display-wrong", IssueSeverity.Warning, IssueType.CodeInvalid,
        "Wrong display '{0}' for {1}: the display is '{2}'");
    public static readonly IssueDefinition TxCodeInactive = new("tx-code-inactive", IssueSeverity.Warning, IssueType.BusinessRule,
        "The code {0} is inactive ({1}); an active code should be used");
    public static readonly IssueDefinition TxCodeDeprecated = new("tx-code-deprecated", IssueSeverity.Information, IssueType.BusinessRule,
        "The code {0} is deprecated");
    public static readonly IssueDefinition TxCodeAbstract = new("tx-code-abstract", IssueSeverity.Warning, IssueType.BusinessRule,
        "The code {0} is abstract (not selectable): it groups other codes and is not meant to be recorded itself");
    public static readonly IssueDefinition TxUcumInvalid = new("tx-ucum-invalid", IssueSeverity.Error, IssueType.CodeInvalid,
        "The unit '{0}' is not valid UCUM: {1}");
}
