using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Runtime.Pipeline;

/// <summary>
/// The light validation (<c>Pipeline:Validation = Profile</c>): each mapped resource against the clinic profile it
/// claims with the IG's <see cref="ProfileSelfCheck"/> (typed reading, required elements, the clinic's invariants; no
/// bindings, patterns or slices). <see cref="FhirRecordValidator"/> is the full one. Compiled lazily on first use
/// (loading R4 core takes a moment), then thread-safe.
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
