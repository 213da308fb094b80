namespace FhirGateway.Fhir.Issues;

/// <summary>What the gateway finds in updates it takes in from partners (resources, subscription notifications).</summary>
public static partial class IssueCatalogue
{
    public static readonly IssueDefinition GatewayInboundUnmatchedPatient = new("gw-inbound-unmatched-patient", IssueSeverity.Warning, IssueType.NotFound,
        "No clinic patient matches {0}: no clinic MRN ({1}) is on that patient at partner {2}, and the gateway never wrote it there");
    public static readonly IssueDefinition GatewayInboundNoPatient = new("gw-inbound-no-patient", IssueSeverity.Warning, IssueType.Required,
        "The {0} names no patient (looked at {1}), so it matches no clinic patient");
    public static readonly IssueDefinition GatewayInboundNoVersion = new("gw-inbound-no-version", IssueSeverity.Information, IssueType.Informational,
        "The partner gave no meta.versionId; the version is recognised by {0}");
    public static readonly IssueDefinition GatewayNotificationUnreadable = new("gw-notification-unreadable", IssueSeverity.Error, IssueType.Structure,
        "The notification is not a Subscriptions Backport notification: {0}");
    public static readonly IssueDefinition GatewayNotificationUnauthenticated = new("gw-notification-unauthenticated", IssueSeverity.Error, IssueType.Security,
        "The notification for partner {0} carries no valid bearer token (Partners:N:Inbound:NotificationToken)");
    public static readonly IssueDefinition GatewayNotificationUnknownPartner = new("gw-notification-unknown-partner", IssueSeverity.Error, IssueType.NotFound,
        "No partner '{0}' takes subscription notifications");
    public static readonly IssueDefinition GatewayNotificationWrongSubscription = new("gw-notification-wrong-subscription", IssueSeverity.Error, IssueType.BusinessRule,
        "The notification names subscription {0}; partner {1} is followed through {2}");
    public static readonly IssueDefinition GatewayInboundBadCursor = new("gw-inbound-bad-cursor", IssueSeverity.Error, IssueType.Invalid,
        "'since' must be a feed position (a whole number from a previous page's 'next'), found '{0}'");
}
