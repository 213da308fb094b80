using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>
/// Resolves a renamed choice (<c>valueQuantity</c>) against its choice element (<c>value[x]</c>): either the
/// element restricted in place to the named type, or (the R4 publisher's form, outside slices) a type slice of
/// the element named after the renamed choice, the element itself restricted to the type and sliced by type.
/// </summary>
internal sealed class RenamedChoices(SnapshotOptions options, ICollection<Issue> issues)
{
    private static readonly SlicingInfo TypeSlicing = new()
    {
        Discriminators = [new DiscriminatorInfo("type", "$this")],
        Ordered = false,
        Rules = "closed",
    };

    public SnapshotNode Select(SnapshotNode choice, string renamed, string code, bool inSlice, string location)
    {
        if (!choice.Element.Types.Any(t => t.Code == code))
            issues.Add(IssueCatalogue.SnapshotTypeNotAllowed.At(location, code, string.Join(", ", choice.Element.Types.Select(t => t.Code))));
        var restricted = TypeMerger.Restrict(choice.Element.Types, code);
        if (!options.RenamedChoiceAsTypeSlice || inSlice)
        {
            choice.Element = choice.Element with { Types = restricted };
            return choice;
        }
        if (choice.FindSlice(renamed) is { } existing) return existing;
        choice.Element = choice.Element with { Types = restricted, Slicing = choice.Element.Slicing ?? TypeSlicing };
        var slice = SliceBuilder.NewSlice(choice, renamed, TypeMerger.Restrict(choice.Original.Types, code));
        choice.Slices.Add(slice);
        return slice;
    }
}
