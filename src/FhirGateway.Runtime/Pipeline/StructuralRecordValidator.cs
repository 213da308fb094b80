using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Mapping;

namespace FhirGateway.Runtime.Pipeline;

/// <summary>
/// The baseline validator: reads each resource with the typed R4 JSON reader, which reports every structural
/// problem (unknown elements, wrong value kinds, cardinality of arrays…). Used when no profile validator is composed.
/// </summary>
public sealed class StructuralRecordValidator : IRecordValidator
{
    private readonly FhirJsonParser _parser = new(StructureTypeModel.R4Core);

    public IReadOnlyList<Issue> Validate(MappedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var issues = new List<Issue>();
        foreach (var resource in record.Resources)
            issues.AddRange(_parser.Parse(resource.Json, $"{resource.ResourceType}/{resource.Id}").Issues);
        return issues;
    }
}
