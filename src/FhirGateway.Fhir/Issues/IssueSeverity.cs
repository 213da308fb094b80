namespace FhirGateway.Fhir.Issues;

/// <summary>OperationOutcome.issue.severity, most severe first.</summary>
public enum IssueSeverity
{
    Fatal,
    Error,
    Warning,
    Information,
}
