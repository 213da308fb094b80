using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>Turns a snapshot element list into a node tree (children by path, slices by slice name) and back.</summary>
internal static class SnapshotTree
{
    /// <summary>
    /// The tree of a snapshot. An element whose path equals an open element's path is a slice of it
    /// (<c>a/b</c> a re-slice of slice <c>a</c>); an element whose parent is not open is reported and skipped.
    /// </summary>
    public static SnapshotNode Build(IReadOnlyList<ElementDefinitionInfo> elements, Func<string, string> rewritePath, ICollection<Issue> issues)
    {
        var root = new SnapshotNode(Rewrite(elements[0], rewritePath));
        var stack = new Stack<(SnapshotNode Node, SnapshotNode Owner)>();
        stack.Push((root, root));
        foreach (var raw in elements.Skip(1))
        {
            var element = Rewrite(raw, rewritePath);
            var parentPath = ParentPath(element.Path);
            while (stack.Count > 0 && stack.Peek().Node.Path != parentPath && stack.Peek().Node.Path != element.Path)
                stack.Pop();
            if (stack.Count == 0)
            {
                issues.Add(IssueCatalogue.SnapshotMalformedBase.At(raw.Id ?? raw.Path, raw.Id ?? raw.Path));
                stack.Push((root, root));
                continue;
            }
            var node = new SnapshotNode(element);
            var (top, owner) = stack.Peek();
            if (top.Path == element.Path)
            {
                stack.Pop();
                SliceParent(owner, element.SliceName).Slices.Add(node);
                stack.Push((node, owner));
            }
            else
            {
                top.Children.Add(node);
                stack.Push((node, node));
            }
        }
        return root;
    }

    /// <summary>The snapshot list of a tree, with element ids computed from the paths and slice names.</summary>
    public static List<ElementDefinitionInfo> Flatten(SnapshotNode root)
    {
        var list = new List<ElementDefinitionInfo>();
        Append(root, null, list);
        return list;
    }

    public static string ParentPath(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? "" : path[..dot];
    }

    private static void Append(SnapshotNode node, string? parentId, List<ElementDefinitionInfo> list)
    {
        var id = ElementIds.Of(parentId, node.Element);
        list.Add(node.Element with { Id = id });
        foreach (var child in node.Children) Append(child, id, list);
        foreach (var slice in node.Slices) Append(slice, parentId, list);
    }

    private static SnapshotNode SliceParent(SnapshotNode owner, string? sliceName)
    {
        var slash = sliceName?.LastIndexOf('/') ?? -1;
        if (slash < 0) return owner;
        var parentName = sliceName![..slash];
        return owner.FindSlice(parentName) ?? owner;
    }

    private static ElementDefinitionInfo Rewrite(ElementDefinitionInfo element, Func<string, string> rewritePath)
    {
        var path = rewritePath(element.Path);
        return path == element.Path ? element : element with { Path = path };
    }
}
