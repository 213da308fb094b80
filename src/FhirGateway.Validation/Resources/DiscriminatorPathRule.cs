using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;
using FhirGateway.Validation.Slicing;

namespace FhirGateway.Validation.Resources;

/// <summary>
/// A discriminator's path (R4 ElementDefinition.slicing.discriminator.path: "a FHIRPath expression, using the simple
/// subset of FHIRPath, that is used to identify the element on which discrimination is based") must lead somewhere:
/// each of its names is an element of the sliced element, or of that element's type, step by step. Judged where the
/// sliced element is one of its resource's or type's own elements and the path is plain names; a step the simple
/// subset adds (<c>resolve()</c>, <c>extension(…)</c>, <c>ofType(…)</c>) ends the check there.
/// </summary>
internal sealed class DiscriminatorPathRule : IResourceRule
{
    private const string Core = "http://hl7.org/fhir/StructureDefinition/";

    public bool AppliesTo(ElementNode resource) => resource.InstanceType == "StructureDefinition" && resource.Child("differential") is not null;

    public CheckResult Validate(ElementNode resource, ValidationRun run)
    {
        var result = new ResultBuilder();
        foreach (var element in resource.Child("differential")!.ChildrenWithName("element"))
        {
            if (element.Child("slicing") is not { } slicing || element.Child("path")?.Text is not { } path) continue;
            var root = path.Split('.')[0];
            if (run.Schemas.Definitions.FindStructureDefinition(Core + root)?.Snapshot is not { Count: > 0 } snapshot || snapshot.All(e => e.Path != path)) continue;
            foreach (var discriminator in slicing.ChildrenWithName("discriminator"))
                if (discriminator.Child("path")?.Text is { } expression && !Leads(snapshot, path, expression, run))
                    result.Add(IssueAt.Node(IssueCatalogue.ValDiscriminatorPath, discriminator, expression, path));
        }
        return result.ToResult();
    }

    /// <summary>False only when a plain name of the path is an element of neither the current element nor its types.</summary>
    private static bool Leads(IReadOnlyList<ElementDefinitionInfo> snapshot, string path, string expression, ValidationRun run)
    {
        foreach (var step in SlicePathResolver.Steps(expression))
        {
            if (step == "$this") continue;
            if (!IsName(step)) return true;
            if (Child(snapshot, path, step) is { } child)
            {
                path = child;
                continue;
            }
            var types = snapshot.FirstOrDefault(e => e.Path == path)?.Types ?? [];
            if (types.Count == 0) return true;
            var found = false;
            foreach (var type in types)
            {
                if (run.Schemas.Definitions.FindStructureDefinition(Core + type.Code)?.Snapshot is not { Count: > 0 } typed) return true;
                if (Child(typed, type.Code, step) is not { } inType) continue;
                (snapshot, path, found) = (typed, inType, true);
                break;
            }
            if (!found) return false;
        }
        return true;
    }

    private static string? Child(IReadOnlyList<ElementDefinitionInfo> snapshot, string path, string name) =>
        snapshot.FirstOrDefault(e => e.Path == $"{path}.{name}" || e.Path == $"{path}.{name}[x]")?.Path;

    private static bool IsName(string step) => step.Length > 0 && step.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
