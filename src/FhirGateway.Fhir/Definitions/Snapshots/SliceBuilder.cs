using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>
/// Finds or creates the slices a differential names. A new slice starts as a copy of the sliced element as the
/// base had it (without its slicing), children included, and is placed after the existing slices; <c>a/b</c>
/// re-slices slice <c>a</c>. A slicing the base closed takes no new slices. A renamed choice used as a slice name (<c>value[x]:valueQuantity</c>) restricts the
/// slice to that type.
/// </summary>
internal sealed class SliceBuilder(ICollection<Issue> issues)
{
    private static readonly SlicingInfo ExtensionSlicing = new()
    {
        Discriminators = [new DiscriminatorInfo("value", "url")],
        Ordered = false,
        Rules = "open",
    };

    /// <summary>The slice <paramref name="sliceName"/> of <paramref name="sliced"/>; created only for the element that defines it.</summary>
    public SnapshotNode? Enter(SnapshotNode sliced, string sliceName, bool defines, string location)
    {
        if (sliced.FindSlice(sliceName) is { } existing) return existing;
        var slash = sliceName.LastIndexOf('/');
        var owner = slash < 0 ? sliced : sliced.FindSlice(sliceName[..slash]);
        if (!defines || owner is null)
        {
            issues.Add(IssueCatalogue.SnapshotSliceNotFound.At(location, location, sliceName));
            return null;
        }
        EnsureSlicing(owner, sliceName, location);
        if (owner.Original.Slicing is { Rules: "closed" })
            issues.Add(IssueCatalogue.SnapshotSliceOnClosedSlicing.At(location, sliceName, owner.ToString()));
        var types = ChoiceNames.RenamedType(sliced.Name, sliceName, owner.Original.Types) is { } code
            ? TypeMerger.Restrict(owner.Original.Types, code)
            : owner.Original.Types;
        var slice = NewSlice(owner, sliceName, types);
        owner.Slices.Add(slice);
        return slice;
    }

    /// <summary>A slice of <paramref name="owner"/> as the base defined it, named and typed as given.</summary>
    public static SnapshotNode NewSlice(SnapshotNode owner, string sliceName, IReadOnlyList<TypeRefInfo> types)
    {
        var slice = new SnapshotNode(owner.Original with { SliceName = sliceName, Slicing = null, Types = types, Id = null })
        {
            AddedByDifferential = true,
        };
        foreach (var child in owner.Children.Where(c => !c.AddedByDifferential))
            slice.Children.Add(child.CloneOriginal(p => p, addedByDifferential: false));
        return slice;
    }

    private void EnsureSlicing(SnapshotNode owner, string sliceName, string location)
    {
        if (owner.Element.Slicing is not null) return;
        if (owner.Element.Types.Count == 1 && owner.Element.Types[0].Code == "Extension")
            owner.Element = owner.Element with { Slicing = ExtensionSlicing };
        else
            issues.Add(IssueCatalogue.SnapshotSlicingMissing.At(location, sliceName, owner.ToString()));
    }
}
