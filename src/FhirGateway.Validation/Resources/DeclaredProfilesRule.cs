using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources;

/// <summary>
/// Resource.meta.profile, and the global profiles of the resource's type: the resource is validated against each
/// that is known; an unknown one is a warning (<see cref="ValidatorOptions.UnknownDeclaredProfileSeverity"/>).
/// </summary>
internal sealed class DeclaredProfilesRule : IResourceRule
{
    public bool AppliesTo(ElementNode resource) => true;

    public CheckResult Validate(ElementNode resource, ValidationRun run)
    {
        var result = CheckResult.Success;
        var unknown = run.Options.UnknownDeclaredProfileSeverity == IssueCatalogue.ValProfileUnknown.Severity
            ? IssueCatalogue.ValProfileUnknown
            : IssueCatalogue.ValProfileUnknown with { Severity = run.Options.UnknownDeclaredProfileSeverity };
        if (resource.Child("meta") is { } meta)
            foreach (var profile in meta.ChildrenWithName("profile"))
                if (profile.Text is { } url)
                    result = CheckResult.Combine(result, ProfileConformance.Against(resource, url, run, unknown, profile));
        if (resource.InstanceType is { } type && run.Options.GlobalProfiles.TryGetValue(type, out var globals))
            foreach (var url in globals)
                result = CheckResult.Combine(result, ProfileConformance.Against(resource, url, run, unknown));
        return result;
    }
}
