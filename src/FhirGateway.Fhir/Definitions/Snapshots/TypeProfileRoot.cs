using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>
/// The profiles a differential names on an element's types: each must resolve (else a warning) and constrain
/// the type it is named on. A single profile brings in what its root element says of the element: its
/// constraints (<c>sqty-1</c> of SimpleQuantity) after the ones the element has, and its isSummary (unless the
/// differential states one), as the R4 publisher does.
/// </summary>
internal sealed class TypeProfileRoot(Func<string, StructureDefinitionInfo?> snapshotOf)
{
    /// <summary>Type codes whose profiles may constrain any resource type.</summary>
    private static readonly HashSet<string> AnyResource = ["Resource", "DomainResource"];

    public ElementDefinitionInfo Apply(ElementDefinitionInfo element, ElementDefinitionInfo diff, MergeContext context)
    {
        var resolved = new List<StructureDefinitionInfo>();
        foreach (var type in diff.Types)
        {
            foreach (var url in type.Profiles)
            {
                if (snapshotOf(url) is not { } profile)
                    context.Report(IssueCatalogue.SnapshotProfileNotFound, url, type.Code);
                else if (profile.Type != type.Code && !AnyResource.Contains(type.Code))
                    context.Report(IssueCatalogue.SnapshotProfileTypeMismatch, url, profile.Type, type.Code);
                else
                    resolved.Add(profile);
            }
        }
        if (resolved.DistinctBy(p => p.Url).ToList() is not [{ HasSnapshot: true } single]) return element;
        var root = single.Snapshot[0];
        var missing = root.Constraints.Where(c => element.Constraints.All(have => have.Key != c.Key)).ToList();
        return element with
        {
            Constraints = missing.Count == 0 ? element.Constraints : [.. element.Constraints, .. missing],
            IsSummary = diff.IsSummary ?? root.IsSummary,
        };
    }
}
