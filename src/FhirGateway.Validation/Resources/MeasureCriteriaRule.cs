using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.References;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources;

/// <summary>
/// A Measure's stratifier criteria written in CQL (<c>text/cql</c>, <c>text/cql.identifier</c>) name definitions of the
/// Measure's libraries (R4 Measure.library: "a reference to a Library resource containing the formal logic used by the
/// measure"), so the Measure needs a library that can be found: contained (<c>#id</c>) or by its absolute canonical
/// among the loaded resources. A relative canonical never resolves (canonicals are absolute). As the HL7 validator
/// does, each stratifier criterion is reported where no library is found.
/// </summary>
internal sealed class MeasureCriteriaRule : IResourceRule
{
    public bool AppliesTo(ElementNode resource) => resource.InstanceType == "Measure";

    public CheckResult Validate(ElementNode resource, ValidationRun run)
    {
        var criteria = resource.ChildrenWithName("group")
            .SelectMany(g => g.ChildrenWithName("stratifier"))
            .Select(s => s.Child("criteria"))
            .OfType<ElementNode>()
            .Where(c => c.Child("language")?.Text is "text/cql" or "text/cql.identifier")
            .ToList();
        if (criteria.Count == 0 || resource.ChildrenWithName("library").Any(l => Resolves(resource, l.Text, run))) return CheckResult.Success;
        var result = new ResultBuilder();
        foreach (var criterion in criteria) result.Add(IssueAt.Node(IssueCatalogue.ValMeasureNoLibrary, criterion));
        return result.ToResult();
    }

    private static bool Resolves(ElementNode measure, string? canonical, ValidationRun run)
    {
        if (canonical is null) return false;
        if (canonical.StartsWith('#'))
            return measure.ChildrenWithName("contained").Any(c => c.InstanceType == "Library" && c.Child("id")?.Text == canonical[1..]);
        return ReferenceText.HasScheme(canonical) && run.Options.Resolver?.Invoke(canonical) is { InstanceType: "Library" };
    }
}
