namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>
/// A differential that names a profile on an element's type brings in what the profile's root element says of
/// the element: its constraints (<c>sqty-1</c> of SimpleQuantity) after the ones the element has, and its
/// isSummary (unless the differential states one), as the R4 publisher does.
/// </summary>
internal sealed class TypeProfileRoot(Func<string, StructureDefinitionInfo?> snapshotOf)
{
    public ElementDefinitionInfo Apply(ElementDefinitionInfo element, ElementDefinitionInfo diff)
    {
        var profiles = diff.Types.SelectMany(t => t.Profiles).Distinct(StringComparer.Ordinal).ToList();
        if (profiles.Count != 1 || snapshotOf(profiles[0]) is not { HasSnapshot: true } profile) return element;
        var root = profile.Snapshot[0];
        var missing = root.Constraints.Where(c => element.Constraints.All(have => have.Key != c.Key)).ToList();
        return element with
        {
            Constraints = missing.Count == 0 ? element.Constraints : [.. element.Constraints, .. missing],
            IsSummary = diff.IsSummary ?? root.IsSummary,
        };
    }
}
