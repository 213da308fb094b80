using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace FhirGateway.Fhir.Model;

/// <summary>
/// The children of a node, held in one field: nothing, the exact-size array a reader hands over once, a list
/// grown by <see cref="Add"/>, or either of those with an index by name that a node with many children
/// builds on first look-up. Swapping in the index is the only change after construction; it keeps the
/// same children, so readers on other threads see the same list either way.
/// </summary>
public sealed partial class ElementNode
{
    private static readonly IReadOnlyList<ElementNode> NoChildren = Array.Empty<ElementNode>();
    private const int IndexedFrom = 16;

    /// <summary>null, <c>ElementNode[]</c>, <c>List&lt;ElementNode&gt;</c> or <see cref="NamedChildren"/>.</summary>
    private object? _children;

    public IReadOnlyList<ElementNode> Children
    {
        get
        {
            var children = _children;
            if (children is null) return NoChildren;
            // The reader's array is by far the common case: one exact type test, no covariant array cast.
            if (children.GetType() == typeof(ElementNode[])) return Unsafe.As<ElementNode[]>(children);
            return children is NamedChildren indexed ? indexed.All : (List<ElementNode>)children;
        }
    }

    /// <summary>True when the node has at least one child (a reader never hands over an empty array).</summary>
    internal bool HasChildren => _children is not null;

    /// <summary>Appends a child, fixing its parent and index. Construction only: a tree is not changed once readers share it.</summary>
    public ElementNode Add(ElementNode child, bool inArray)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child._parent is not null) throw new InvalidOperationException($"'{child.Name}' already has a parent.");
        var list = _children as List<ElementNode>;
        if (list is null)
        {
            list = new List<ElementNode>(Math.Max(4, Children.Count + 1));
            list.AddRange(Children);
            _children = list;
        }
        var index = 0;
        if (inArray)
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (ReferenceEquals(list[i].JsonName, child.JsonName) || list[i].JsonName == child.JsonName)
                {
                    index = list[i].Index + 1;
                    break;
                }
            }
        }
        child._parent = this;
        child._slot = inArray ? index : -1;
        list.Add(child);
        return child;
    }

    /// <summary>
    /// Gives a node its children in document order, each already attached with <see cref="AttachTo"/>: the
    /// array becomes the node's child list as it is. Construction only.
    /// </summary>
    internal void SetChildren(ElementNode[] children)
    {
        if (_children is not null) throw new InvalidOperationException($"'{Name}' already has children.");
        if (children.Length > 0) _children = children;
    }

    /// <summary>Makes this node the child of <paramref name="parent"/> at <paramref name="index"/> among its same-named siblings (-1: a single value). Construction only.</summary>
    internal void AttachTo(ElementNode parent, int index)
    {
        if (_parent is not null) throw new InvalidOperationException($"'{Name}' already has a parent.");
        _parent = parent;
        _slot = index;
    }

    /// <summary>
    /// The children with the given FHIRPath name, in document order. A node with many children (a Bundle with
    /// thousands of entries) answers from an index by name built on first use, so navigation stays constant-time.
    /// </summary>
    public IReadOnlyList<ElementNode> ChildrenWithName(string name)
    {
        var children = Children;
        if (children.Count >= IndexedFrom)
            return Indexed(children).ByName.TryGetValue(name, out var found) ? found : NoChildren;
        List<ElementNode>? list = null;
        for (var i = 0; i < children.Count; i++)
            if (children[i].Name == name) (list ??= new List<ElementNode>(2)).Add(children[i]);
        return list ?? NoChildren;
    }

    /// <summary>The children with the given FHIRPath name, in document order (see <see cref="ChildrenWithName"/>).</summary>
    public IEnumerable<ElementNode> ChildrenNamed(string name) => ChildrenWithName(name);

    /// <summary>The first child with the given FHIRPath name, or null.</summary>
    public ElementNode? Child(string name)
    {
        var children = Children;
        if (children.Count >= IndexedFrom) return ChildrenWithName(name) is [var first, ..] ? first : null;
        for (var i = 0; i < children.Count; i++)
            if (children[i].Name == name) return children[i];
        return null;
    }

    private NamedChildren Indexed(IReadOnlyList<ElementNode> children)
    {
        var current = Volatile.Read(ref _children);
        if (current is NamedChildren done) return done;
        var built = new NamedChildren(children);
        // Publish only over the list the index was built from; when another thread was first, use its index.
        var prior = Interlocked.CompareExchange(ref _children, built, current);
        return ReferenceEquals(prior, current) ? built : prior as NamedChildren ?? built;
    }

    /// <summary>A child list with its index by name; immutable.</summary>
    private sealed class NamedChildren(IReadOnlyList<ElementNode> all)
    {
        public IReadOnlyList<ElementNode> All { get; } = all;

        public FrozenDictionary<string, ElementNode[]> ByName { get; } = all
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }
}
