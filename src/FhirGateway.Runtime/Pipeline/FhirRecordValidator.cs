using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Ig;
using FhirGateway.Validation;

namespace FhirGateway.Runtime.Pipeline;

/// <summary>
/// Validates each mapped resource with the full <see cref="FhirValidator"/> against the clinic profile it claims
/// (and its core definition), over the clinic IG in front of R4 core, with the offline terminology service for
/// bindings; at most <see cref="IssueLimit.Default"/> issues per resource (then a summary). The validator compiles each profile once; it is built on first use (loading R4 core takes a moment),
/// then shared: thread-safe.
/// </summary>
public sealed class FhirRecordValidator : IRecordValidator
{
    private readonly Lazy<FhirValidator> _validator;

    public FhirRecordValidator(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _validator = new Lazy<FhirValidator>(() => new FhirValidator(ClinicIgDefinitions.WithCore, ValidatorOptions.Default with { Time = time }),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IReadOnlyList<Issue> Validate(MappedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var issues = new List<Issue>();
        foreach (var resource in record.Resources)
            issues.AddRange(IssueLimit.Apply(_validator.Value.Validate(resource.Json, $"{resource.ResourceType}/{resource.Id}", [resource.Profile]).Issues));
        return issues;
    }
}
