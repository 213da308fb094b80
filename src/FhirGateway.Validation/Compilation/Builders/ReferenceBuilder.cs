using FhirGateway.Fhir.Issues;
using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Compilation.Builders;

/// <summary>
/// An element that may be a Reference → <see cref="ReferenceCheck"/> with its target profiles and the resource
/// types they are for (none listed, or Resource itself: any type). A target profile that is unknown is noted at
/// compile time and handed to the check, which still checks the known ones.
/// </summary>
internal sealed class ReferenceBuilder : ICheckBuilder
{
    public void Build(ElementToCompile element, List<IElementCheck> checks)
    {
        var reference = element.Element.Types.FirstOrDefault(t => t.Code == "Reference");
        if (reference is null) return;
        var targets = new List<TargetProfile>();
        var unknown = new List<string>();
        foreach (var profile in reference.TargetProfiles)
        {
            var definition = element.Context.Cache.FindDefinition(profile);
            if (definition is null)
            {
                element.Context.Problems.Add(IssueCatalogue.ValSnapshotProblem.At(null, element.Context.Structure.Canonical,
                    $"{element.Element.Id ?? element.Element.Path} names the target profile {profile}, which is unknown: its references are not checked against it"));
                unknown.Add(profile);
                continue;
            }
            if (definition.Type is "Resource" or "DomainResource")
            {
                checks.Add(new ReferenceCheck([], []));
                return;
            }
            targets.Add(new TargetProfile(profile, definition.Type, definition.Derivation == "constraint"));
        }
        checks.Add(new ReferenceCheck(targets, unknown));
    }
}
