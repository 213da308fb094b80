using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Slicing;

/// <summary>
/// One slice of a sliced element: the condition (from the discriminators) that puts an instance element in it,
/// the schema its members are validated against, its cardinality and, when it is re-sliced, its own slicing.
/// </summary>
internal sealed record SliceCase(string Name, string Id, ISliceCondition Condition, ElementSchema Schema, Cardinality Cardinality, SliceGroup? Reslicing);

/// <summary>
/// The slicing of an element, as a switch over its repeats: each element goes to the first slice whose
/// condition it meets and is validated against that slice; elements matching no slice are validated against
/// the sliced element's own definition, and are an error when the slicing is closed. Ordered slicing wants
/// slices in definition order; openAtEnd wants unmatched elements after all matched ones. Each slice's
/// cardinality is checked against how many elements it got.
/// </summary>
internal sealed class SliceGroup(string slicedId, IReadOnlyList<SliceCase> cases, bool ordered, string rules, string from)
{
    public IReadOnlyList<SliceCase> Cases => cases;

    public CheckResult Validate(ElementNode parent, IReadOnlyList<ElementNode> items, ElementSchema unsliced, ValidationRun run)
    {
        var result = new ResultBuilder();
        var buckets = new List<ElementNode>?[cases.Count];
        var last = -1;
        var unmatchedSeen = false;
        foreach (var item in items)
        {
            var matched = Match(item, run);
            if (matched < 0)
            {
                unmatchedSeen = true;
                if (rules == "closed") result.Add(IssueAt.Node(IssueCatalogue.ValSliceClosed, item, slicedId));
                result.Add(unsliced.Validate(item, run));
                continue;
            }
            if (ordered && matched < last)
                result.Add(IssueAt.Node(IssueCatalogue.ValSliceOrder, item, cases[matched].Name, cases[last].Name, slicedId));
            if (rules == "openAtEnd" && unmatchedSeen)
                result.Add(IssueAt.Node(IssueCatalogue.ValSliceOpenAtEnd, item, cases[matched].Name, slicedId));
            last = Math.Max(last, matched);
            (buckets[matched] ??= []).Add(item);
        }
        for (var c = 0; c < cases.Count; c++)
        {
            var slice = cases[c];
            var members = (IReadOnlyList<ElementNode>?)buckets[c] ?? [];
            if (members.Count < slice.Cardinality.Min)
                result.Add(IssueAt.Node(IssueCatalogue.ValSliceMin, parent, slice.Id, slice.Cardinality.Min, members.Count, from));
            else if (members.Count > slice.Cardinality.Max)
                result.Add(IssueAt.Node(IssueCatalogue.ValSliceMax, parent, slice.Id, slice.Cardinality.MaxText, members.Count, from));
            if (slice.Reslicing is { } reslicing)
                result.Add(reslicing.Validate(parent, members, slice.Schema, run));
            else
                foreach (var member in members) result.Add(slice.Schema.Validate(member, run));
        }
        return result.ToResult();
    }

    private int Match(ElementNode item, ValidationRun run)
    {
        for (var c = 0; c < cases.Count; c++)
            if (cases[c].Condition.Matches(item, run)) return c;
        return -1;
    }
}
