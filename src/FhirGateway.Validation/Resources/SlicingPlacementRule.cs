using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources;

/// <summary>
/// Where a differential may slice (R4 profiling, "Slicing"): slicing divides the repetitions of an element, so it is
/// declared on an element that can repeat, or on a choice element (sliced by type); never on the root, which has no
/// repetitions. Whether an element repeats is read from the definition of the type its path starts at; an element
/// that definition does not list (a path into a data type) is not judged.
/// </summary>
internal sealed class SlicingPlacementRule : IResourceRule
{
    public bool AppliesTo(ElementNode resource) => resource.InstanceType == "StructureDefinition" && resource.Child("differential") is not null;

    public CheckResult Validate(ElementNode resource, ValidationRun run)
    {
        var result = new ResultBuilder();
        foreach (var element in resource.Child("differential")!.ChildrenWithName("element"))
        {
            if (element.Child("slicing") is not { } slicing || element.Child("path")?.Text is not { } path) continue;
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                result.Add(IssueAt.Node(IssueCatalogue.ValSlicingOnRoot, slicing, path));
                continue;
            }
            var type = run.Schemas.Definitions.FindStructureDefinition("http://hl7.org/fhir/StructureDefinition/" + path[..dot]);
            if (type?.Snapshot.FirstOrDefault(e => e.Path == path) is { } defined && !CanRepeat(defined))
                result.Add(IssueAt.Node(IssueCatalogue.ValSlicingNotRepeating, slicing, path));
        }
        return result.ToResult();
    }

    private static bool CanRepeat(ElementDefinitionInfo element) =>
        element.Path.EndsWith("[x]", StringComparison.Ordinal) || element.Max is "*" || int.TryParse(element.Max, out var max) && max > 1;
}
