namespace FhirGateway.Fhir.Issues;

/// <summary>What a partner's validator is known to reject although the gateway's validator accepts it (FhirGateway.Validation.Compatibility).</summary>
public static partial class IssueCatalogue
{
    public static readonly IssueDefinition CompatPartnerValidator = new("compat-partner-validator", IssueSeverity.Warning, IssueType.BusinessRule,
        "A partner validating with {0} rejects this {1}: it {2} ({3}; known incompatibility {4}: the gateway holds it valid by the specification, so tell the partner before sending)");
}
