using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping;

namespace FhirGateway.Runtime.Pipeline;

/// <summary>
/// The pipeline's validation port: checks every resource of a mapped record against the profile it claims and
/// returns all issues (errors park the record). Thread-safe.
/// </summary>
public interface IRecordValidator
{
    IReadOnlyList<Issue> Validate(MappedRecord record);
}
