namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>
/// One element of a snapshot under construction: the element as constrained so far, the element as the base
/// had it, its children and its slices (re-slices hang under their slice). Mutable while one generation runs.
/// </summary>
internal sealed class SnapshotNode(ElementDefinitionInfo element)
{
    public ElementDefinitionInfo Element { get; set; } = element;
    /// <summary>The element as the base (or the unfolded type) defined it, before the differential.</summary>
    public ElementDefinitionInfo Original { get; private init; } = element;
    public List<SnapshotNode> Children { get; } = [];
    public List<SnapshotNode> Slices { get; } = [];
    /// <summary>True for slices the differential introduced; they are not part of the base a new slice copies.</summary>
    public bool AddedByDifferential { get; init; }

    public string Path => Element.Path;
    public string Name => PathName(Element.Path);
    public string? SliceName => Element.SliceName;

    public static string PathName(string path) => path[(path.LastIndexOf('.') + 1)..];

    /// <summary>
    /// A copy of this node as the base had it (differential changes and slices dropped), with every path
    /// rewritten; the copy's elements are its originals.
    /// </summary>
    public SnapshotNode CloneOriginal(Func<string, string> rewritePath, bool addedByDifferential)
    {
        var copy = new SnapshotNode(Original with { Path = rewritePath(Original.Path) }) { AddedByDifferential = addedByDifferential };
        foreach (var child in Children.Where(c => !c.AddedByDifferential))
            copy.Children.Add(child.CloneOriginal(rewritePath, addedByDifferential));
        foreach (var slice in Slices.Where(s => !s.AddedByDifferential))
            copy.Slices.Add(slice.CloneOriginal(rewritePath, addedByDifferential));
        return copy;
    }

    /// <summary>The slice named <c>a</c> or re-slice <c>a/b</c> of this (unsliced) node, or null.</summary>
    public SnapshotNode? FindSlice(string sliceName)
    {
        var node = this;
        var name = "";
        foreach (var part in sliceName.Split('/'))
        {
            name = name.Length == 0 ? part : $"{name}/{part}";
            var next = node.Slices.FirstOrDefault(s => s.SliceName == name);
            if (next is null) return null;
            node = next;
        }
        return node;
    }

    /// <summary>This node, its children, then its slices (each with its own children and re-slices): snapshot order.</summary>
    public IEnumerable<SnapshotNode> InOrder()
    {
        var pending = new Stack<SnapshotNode>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;
            for (var i = node.Slices.Count - 1; i >= 0; i--) pending.Push(node.Slices[i]);
            for (var i = node.Children.Count - 1; i >= 0; i--) pending.Push(node.Children[i]);
        }
    }

    public override string ToString() => Element.ToString();
}
