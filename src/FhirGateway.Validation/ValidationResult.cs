using FhirGateway.Fhir.Issues;

namespace FhirGateway.Validation;

/// <summary>Every problem found in one validation, one issue per problem, in the order found.</summary>
public sealed record ValidationResult(IReadOnlyList<Issue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.IsError);

    public int ErrorCount => Issues.Count(i => i.IsError);

    /// <summary>The result as a FHIR OperationOutcome (JSON).</summary>
    public string ToOperationOutcome(bool pretty = true) => OperationOutcomeWriter.ToJson(Issues, pretty);
}
