namespace FhirGateway.Fhir.Issues;

/// <summary>Problems the clinic IG's self-check finds in a resource against the profile it claims (its own invariants and required elements).</summary>
public static partial class IssueCatalogue
{
    public static readonly IssueDefinition IgProfileUnknown = new("ig-profile-unknown", IssueSeverity.Error, IssueType.NotFound,
        "The profile {0} is not known");
    public static readonly IssueDefinition IgInvariantFailed = new("ig-invariant-failed", IssueSeverity.Error, IssueType.Invariant,
        "Constraint {0} failed: {1}");
    public static readonly IssueDefinition IgInvariantNotEvaluated = new("ig-invariant-not-evaluated", IssueSeverity.Warning, IssueType.Processing,
        "Constraint {0} could not be evaluated: {1}");
    public static readonly IssueDefinition IgRequiredMissing = new("ig-required-missing", IssueSeverity.Error, IssueType.Required,
        "{0} requires at least {1} '{2}', found {3}");
}
