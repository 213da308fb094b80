namespace FhirGateway.Fhir.Issues;

/// <summary>Problems found while generating a snapshot from a differential.</summary>
public static partial class IssueCatalogue
{
    public static readonly IssueDefinition SnapshotBaseNotFound = new("snapshot-base-not-found", IssueSeverity.Error, IssueType.NotFound,
        "The base definition {0} cannot be resolved");
    public static readonly IssueDefinition SnapshotBaseCycle = new("snapshot-base-cycle", IssueSeverity.Error, IssueType.Structure,
        "The base definitions of {0} form a cycle");
    public static readonly IssueDefinition SnapshotNoDifferential = new("snapshot-no-differential", IssueSeverity.Error, IssueType.Structure,
        "{0} has neither a snapshot nor a differential to generate one from");
    public static readonly IssueDefinition SnapshotMalformedBase = new("snapshot-malformed-base", IssueSeverity.Error, IssueType.Structure,
        "Element {0} of the base snapshot has no parent element; it is skipped");
    public static readonly IssueDefinition SnapshotPathNotFound = new("snapshot-path-not-found", IssueSeverity.Error, IssueType.NotFound,
        "The differential element {0} matches no element of the base ({1} has no child '{2}')");
    public static readonly IssueDefinition SnapshotOutOfOrder = new("snapshot-out-of-order", IssueSeverity.Error, IssueType.Structure,
        "The differential element {0} comes after {1} but precedes it in the base");
    public static readonly IssueDefinition SnapshotMinBelowBase = new("snapshot-min-below-base", IssueSeverity.Error, IssueType.Structure,
        "The differential widens min to {0}; the base requires at least {1}");
    public static readonly IssueDefinition SnapshotMaxAboveBase = new("snapshot-max-above-base", IssueSeverity.Error, IssueType.Structure,
        "The differential widens max to {0}; the base allows at most {1}");
    public static readonly IssueDefinition SnapshotMinAboveMax = new("snapshot-min-above-max", IssueSeverity.Error, IssueType.Structure,
        "The cardinality {0}..{1} is empty: min exceeds max");
    public static readonly IssueDefinition SnapshotTypeNotAllowed = new("snapshot-type-not-allowed", IssueSeverity.Error, IssueType.Structure,
        "The type {0} is not allowed by the base, which allows {1}");
    public static readonly IssueDefinition SnapshotBindingWeakened = new("snapshot-binding-weakened", IssueSeverity.Error, IssueType.Structure,
        "The binding strength {0} is weaker than the base's {1}");
    public static readonly IssueDefinition SnapshotSliceNotFound = new("snapshot-slice-not-found", IssueSeverity.Error, IssueType.NotFound,
        "The differential element {0} refers to slice '{1}', which is not defined before it");
    public static readonly IssueDefinition SnapshotSlicingMissing = new("snapshot-slicing-missing", IssueSeverity.Warning, IssueType.Structure,
        "Slice '{0}' is defined on {1}, which has no slicing");
    public static readonly IssueDefinition SnapshotCannotUnfold = new("snapshot-cannot-unfold", IssueSeverity.Error, IssueType.NotSupported,
        "Cannot expand {0} to reach the differential element {1}: {2}");
    public static readonly IssueDefinition SnapshotSliceOnClosedSlicing = new("snapshot-slice-on-closed-slicing", IssueSeverity.Error, IssueType.Structure,
        "Slice '{0}' is added to {1}, whose slicing in the base is closed");
    public static readonly IssueDefinition SnapshotProfileNotFound = new("snapshot-profile-not-found", IssueSeverity.Warning, IssueType.NotFound,
        "The profile {0} named on type {1} cannot be resolved; its constraints are not part of the snapshot");
    public static readonly IssueDefinition SnapshotProfileTypeMismatch = new("snapshot-profile-type-mismatch", IssueSeverity.Error, IssueType.Structure,
        "The profile {0} constrains {1}, not the type {2} it is named on");
}
