namespace FhirGateway.Fhir.Issues;

/// <summary>
/// Facts a record states that contradict records the gateway already routed, found by the pipeline's cross-record
/// checks (an infusion against its lot's release, its care plan and its safety review). Each names the record it was
/// checked against; the record is parked until a corrected version arrives.
/// </summary>
public static partial class IssueCatalogue
{
    public static readonly IssueDefinition CrossLotUnknown = new("gw-cross-lot-unknown", IssueSeverity.Error, IssueType.BusinessRule,
        "Lot {0} has no routed product-release record: an infused lot must have been released first");
    public static readonly IssueDefinition CrossLotNotReleased = new("gw-cross-lot-not-released", IssueSeverity.Error, IssueType.BusinessRule,
        "Lot {0} was not released by {1}: {2}");
    public static readonly IssueDefinition CrossLotExpired = new("gw-cross-lot-expired", IssueSeverity.Error, IssueType.BusinessRule,
        "Lot {0} expired on {1} ({2}) before the infusion at {3}");
    public static readonly IssueDefinition CrossPlanUnknown = new("gw-cross-plan-unknown", IssueSeverity.Error, IssueType.BusinessRule,
        "Care plan {0} has no routed care-plan record: the infusion cannot be checked against its series");
    public static readonly IssueDefinition CrossBeyondSeries = new("gw-cross-beyond-series", IssueSeverity.Error, IssueType.BusinessRule,
        "Infusion number {0} is beyond the {1} {2} infusions of care plan {3} ({4})");
    public static readonly IssueDefinition CrossDoseOutsidePlan = new("gw-cross-dose-outside-plan", IssueSeverity.Error, IssueType.BusinessRule,
        "The dose {0} × 10^6 cells/kg is outside the {1} dose(s) of care plan {2} ({3}): {4}");
    public static readonly IssueDefinition CrossReviewNotApproved = new("gw-cross-review-not-approved", IssueSeverity.Error, IssueType.BusinessRule,
        "Safety review {0} is {1} in {2}: intrathecal delivery needs an approved review");
    public static readonly IssueDefinition CrossSuspectLotUnknown = new("gw-cross-suspect-lot-unknown", IssueSeverity.Error, IssueType.BusinessRule,
        "Lot {0}, suspected by the adverse event, has no routed product-release record ({1}): an adverse event can only suspect a released lot");
    public static readonly IssueDefinition CrossSuspectInfusionUnknown = new("gw-cross-suspect-infusion-unknown", IssueSeverity.Error, IssueType.BusinessRule,
        "Infusion {0}, suspected by the adverse event, has no routed infusion record");
    public static readonly IssueDefinition CrossSuspectLotMismatch = new("gw-cross-suspect-lot-mismatch", IssueSeverity.Error, IssueType.BusinessRule,
        "The adverse event suspects lot {0}, but infusion {1} ({2}) gave lot {3}");
    public static readonly IssueDefinition CrossSuspectBeforeInfusion = new("gw-cross-suspect-before-infusion", IssueSeverity.Error, IssueType.BusinessRule,
        "The adverse event began at {0}, before infusion {1} ({2}) it is suspected to come from started at {3}");
    public static readonly IssueDefinition CrossBaselineUnknown = new("gw-cross-baseline-unknown", IssueSeverity.Error, IssueType.BusinessRule,
        "Baseline {0} has no routed assessment record: a follow-up is compared with a baseline the partner has");
    public static readonly IssueDefinition CrossBaselineMismatch = new("gw-cross-baseline-mismatch", IssueSeverity.Error, IssueType.BusinessRule,
        "The ALSFRS-R slope {0} does not follow from the routed baseline {1} ({2}): {3}");
    public static readonly IssueDefinition CrossNotChecked = new("gw-cross-not-checked", IssueSeverity.Warning, IssueType.Processing,
        "The store cannot be read for cross-record checks; {0} was not checked against its lot, plan and safety review");
}
