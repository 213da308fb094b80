using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>
/// Applies a differential, element by element, to the tree of the base snapshot: locates each element (unfolding
/// types, renaming choices, entering or creating slices on the way), checks it comes in snapshot order, and
/// merges it into the element it constrains.
/// </summary>
internal sealed class DifferentialWalker
{
    private readonly SnapshotNode root;
    private readonly StructureDefinitionInfo profile;
    private readonly List<Issue> issues;
    private readonly TypeUnfolder unfolder;
    private readonly SliceBuilder slices;
    private readonly RenamedChoices choices;
    private readonly TypeProfileRoot profileRoot;
    private readonly Func<string, StructureDefinitionInfo?> snapshotOf;
    private const string SystemTypePrefix = "http://hl7.org/fhirpath/System.";
    private IReadOnlyList<PathStep> previousSteps = [];
    private (SnapshotNode Node, string Location)? previous;

    public DifferentialWalker(SnapshotNode root, StructureDefinitionInfo profile, SnapshotOptions options,
        Func<string, StructureDefinitionInfo?> snapshotOf, List<Issue> issues)
    {
        this.root = root;
        this.profile = profile;
        this.issues = issues;
        unfolder = new TypeUnfolder(snapshotOf, root, issues);
        slices = new SliceBuilder(issues);
        choices = new RenamedChoices(options, issues);
        profileRoot = new TypeProfileRoot(snapshotOf);
        this.snapshotOf = snapshotOf;
    }

    public void Apply(ElementDefinitionInfo diff)
    {
        var location = diff.Id ?? diff.Path;
        var steps = DifferentialSteps.Of(diff, previousSteps);
        previousSteps = steps;
        if (Locate(steps, diff, location) is not { } target) return;
        CheckOrder(target, location);
        var context = new MergeContext(location, profile.Url, target.SliceName is not null, IsSpecialization, issues);
        var merged = ElementMerger.Merge(target.Element, diff, context);
        target.Element = IsSpecialization ? merged : profileRoot.Apply(merged, diff, context);
    }

    private SnapshotNode? Locate(IReadOnlyList<PathStep> steps, ElementDefinitionInfo diff, string location)
    {
        if (steps[0].Name != root.Name)
        {
            issues.Add(IssueCatalogue.SnapshotPathNotFound.At(location, location, "the root", steps[0].Name));
            return null;
        }
        var node = root;
        var inSlice = false;
        for (var i = 1; i < steps.Count; i++)
        {
            var step = steps[i];
            var last = i == steps.Count - 1;
            if (unfolder.Unfold(node, step.Name) is { } reason && !IsSpecialization)
            {
                issues.Add(IssueCatalogue.SnapshotCannotUnfold.At(location, node.ToString(), location, reason));
                return null;
            }
            var child = Child(node, step, inSlice, location) ?? NewSpecializationElement(node, step, last, diff);
            if (child is null)
            {
                issues.Add(IssueCatalogue.SnapshotPathNotFound.At(location, location, node.ToString(), step.Name));
                return null;
            }
            if (step.SliceName is { } sliceName)
            {
                child = slices.Enter(child, sliceName, last, location);
                if (child is null) return null;
                inSlice = true;
            }
            node = child;
        }
        return node;
    }

    private SnapshotNode? Child(SnapshotNode node, PathStep step, bool inSlice, string location)
    {
        if (node.Children.FirstOrDefault(c => c.Name == step.Name) is { } named) return named;
        if (IsSpecialization) return null; // a specialization names its elements as they are (amount[x], amountType)
        foreach (var candidate in node.Children)
        {
            if (ChoiceNames.RenamedType(candidate.Name, step.Name, candidate.Element.Types) is { } code)
                return choices.Select(candidate, step.Name, code, inSlice || step.SliceName is not null, location);
        }
        return null;
    }

    /// <summary>A specialization (a logical model, a new type) defines elements its base lacks, below untyped parents too.</summary>
    private bool IsSpecialization => profile.Derivation == "specialization";

    /// <summary>
    /// The element a specialization adds where its base has none; unless it holds a system type (a primitive's
    /// value) or resources (<c>Bundle.entry.resource</c>) it starts with the constraints every element has, those of
    /// Element's root (<c>ele-1</c>).
    /// </summary>
    private SnapshotNode? NewSpecializationElement(SnapshotNode parent, PathStep step, bool last, ElementDefinitionInfo diff)
    {
        if (!last || !IsSpecialization || step.SliceName is not null) return null;
        var inherited = diff.Types.Count > 0 && diff.Types.All(IsSystemOrResource) ? [] : snapshotOf(TypeUnfolder.CorePrefix + "Element") is { HasSnapshot: true } element
            ? element.Snapshot[0].Constraints
            : [];
        var node = new SnapshotNode(new ElementDefinitionInfo { Path = $"{parent.Path}.{step.Name}", Min = diff.Min, Max = diff.Max, Constraints = inherited })
        {
            AddedByDifferential = true,
        };
        parent.Children.Add(node);
        return node;
    }

    private bool IsSystemOrResource(TypeRefInfo type) =>
        type.Code.StartsWith(SystemTypePrefix, StringComparison.Ordinal)
        || snapshotOf(TypeUnfolder.CorePrefix + type.Code) is { Kind: "resource" };

    private void CheckOrder(SnapshotNode target, string location)
    {
        if (previous is { } before && !ReferenceEquals(before.Node, target)
            && root.InOrder().First(n => ReferenceEquals(n, target) || ReferenceEquals(n, before.Node)) == target)
            issues.Add(IssueCatalogue.SnapshotOutOfOrder.At(location, location, before.Location));
        previous = (target, location);
    }
}
