using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Runtime.Pipeline;

/// <summary>
/// Validates each mapped resource against the clinic profile it claims, over the clinic IG in front of R4 core.
/// Today this adapts the IG's <see cref="ProfileSelfCheck"/> (typed reading, required elements, the clinic's
/// invariants); the full validator takes its place behind <see cref="IRecordValidator"/> when it lands. Compiled
/// lazily on first use (loading R4 core takes a moment), then thread-safe.
/// </summary>
public sealed class ClinicProfileValidator : IRecordValidator
{
    private readonly Lazy<ProfileSelfCheck> _check = new(() => new ProfileSelfCheck(ClinicIgDefinitions.WithCore), LazyThreadSafetyMode.ExecutionAndPublication);

    public IReadOnlyList<Issue> Validate(MappedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var issues = new List<Issue>();
        foreach (var resource in record.Resources)
            issues.AddRange(_check.Value.Check(resource.Json, resource.Profile, $"{resource.ResourceType}/{resource.Id}"));
        return issues;
    }
}
