using System.Collections.Frozen;
using System.Text;

namespace FhirGateway.Fhir.Model;

/// <summary>
/// One element of a FHIR instance in the typed element tree: a resource, a complex element, a backbone
/// element or a primitive. Built once by a reader (JSON now, XML later: both produce this same tree),
/// then only read. Children are kept in document order; writers order them by definition.
/// </summary>
public sealed class ElementNode
{
    private static readonly IReadOnlyList<ElementNode> NoChildren = Array.Empty<ElementNode>();
    private const int IndexedFrom = 16;
    private List<ElementNode>? _children;
    private FrozenDictionary<string, ElementNode[]>? _byName;

    public ElementNode(string name, string jsonName, string? instanceType, TypeDescriptor? type,
        PropertyDescriptor? property, ISourceDocument? document = null, int position = -1)
    {
        Name = name;
        JsonName = jsonName;
        InstanceType = instanceType;
        Type = type;
        Property = property;
        Document = document;
        Position = position;
    }

    /// <summary>The name FHIRPath navigates by: <c>value</c> for <c>valueQuantity</c>; the resource type for a root.</summary>
    public string Name { get; }

    /// <summary>The property name on the wire: <c>valueQuantity</c>; the resource type for a root.</summary>
    public string JsonName { get; }

    /// <summary>The FHIR type code of this element (<c>Quantity</c>, <c>code</c>, <c>BackboneElement</c>, <c>Observation</c>), null when unknown.</summary>
    public string? InstanceType { get; }

    /// <summary>The type this element is an instance of (for backbone elements the nested, path-named descriptor), null when unknown.</summary>
    public TypeDescriptor? Type { get; }

    /// <summary>The property of the parent that this element fills; null for a root and for unknown properties.</summary>
    public PropertyDescriptor? Property { get; }

    /// <summary>The element definition this element is an instance of, as far as the base definitions say.</summary>
    public Definitions.ElementDefinitionInfo? Definition => Property?.Definition ?? Type?.RootDefinition;

    /// <summary>The exact lexical value of a primitive (<c>1.50</c> stays <c>1.50</c>), the xhtml of a <c>div</c>; null when the primitive only carries id or extensions.</summary>
    public string? Text { get; private set; }

    /// <summary>The element this one is a child of; null for a root.</summary>
    public ElementNode? Parent { get; private set; }

    /// <summary>The position among the parent's children of the same name (0 for a single value).</summary>
    public int Index { get; private set; }

    /// <summary>True when the element sits in a repeating property (it gets an index in its location).</summary>
    public bool InArray { get; private set; }

    public IReadOnlyList<ElementNode> Children => _children ?? NoChildren;

    public ISourceDocument? Document { get; }

    /// <summary>The opaque position key that <see cref="Document"/> resolves; -1 when unknown.</summary>
    public int Position { get; }

    public bool IsResource => Type is { Kind: TypeKind.Resource };

    public bool IsPrimitive => Type is { Kind: TypeKind.Primitive };

    /// <summary>The 1-based line and column in the source, or (0, 0) when unknown.</summary>
    public (int Line, int Column) LineColumn => Document is not null && Position >= 0 ? Document.Resolve(Position) : (0, 0);

    /// <summary>The nearest resource at or above this element (a contained or Bundle entry resource counts).</summary>
    public ElementNode? ResourceRoot
    {
        get
        {
            for (var n = this; n is not null; n = n.Parent)
                if (n.IsResource) return n;
            return null;
        }
    }

    /// <summary>The FHIRPath location with indexes on repeating elements: <c>Observation.component[1].valueQuantity</c>.</summary>
    public string Location
    {
        get
        {
            var sb = new StringBuilder();
            AppendLocation(sb);
            return sb.ToString();
        }
    }

    private void AppendLocation(StringBuilder sb)
    {
        if (Parent is not null)
        {
            Parent.AppendLocation(sb);
            sb.Append('.');
        }
        sb.Append(JsonName);
        if (InArray) sb.Append('[').Append(Index).Append(']');
    }

    /// <summary>Sets the primitive's lexical value. Construction only.</summary>
    public void SetText(string? text) => Text = text;

    /// <summary>Appends a child, fixing its parent and index. Construction only: a tree is not changed once readers share it.</summary>
    public ElementNode Add(ElementNode child, bool inArray)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Parent is not null) throw new InvalidOperationException($"'{child.Name}' already has a parent.");
        _children ??= new List<ElementNode>(4);
        var index = 0;
        if (inArray)
        {
            for (var i = _children.Count - 1; i >= 0; i--)
            {
                if (ReferenceEquals(_children[i].JsonName, child.JsonName) || _children[i].JsonName == child.JsonName)
                {
                    index = _children[i].Index + 1;
                    break;
                }
            }
        }
        child.Parent = this;
        child.Index = index;
        child.InArray = inArray;
        _children.Add(child);
        _byName = null;
        return child;
    }

    /// <summary>
    /// The children with the given FHIRPath name, in document order. A node with many children (a Bundle with
    /// thousands of entries) answers from an index by name built on first use, so navigation stays constant-time.
    /// </summary>
    public IReadOnlyList<ElementNode> ChildrenWithName(string name)
    {
        if (_children is null) return NoChildren;
        if (_children.Count >= IndexedFrom)
        {
            var index = _byName ?? LazyInitializer.EnsureInitialized(ref _byName, () => _children
                .GroupBy(c => c.Name, StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal));
            return index.TryGetValue(name, out var found) ? found : NoChildren;
        }
        List<ElementNode>? list = null;
        foreach (var c in _children)
            if (c.Name == name) (list ??= new List<ElementNode>(2)).Add(c);
        return list ?? NoChildren;
    }

    /// <summary>The children with the given FHIRPath name, in document order.</summary>
    public IEnumerable<ElementNode> ChildrenNamed(string name)
    {
        if (_children is null) yield break;
        foreach (var c in _children)
            if (c.Name == name) yield return c;
    }

    /// <summary>The first child with the given FHIRPath name, or null.</summary>
    public ElementNode? Child(string name)
    {
        if (_children is null) return null;
        if (_children.Count >= IndexedFrom) return ChildrenWithName(name) is [var first, ..] ? first : null;
        foreach (var c in _children)
            if (c.Name == name) return c;
        return null;
    }

    public override string ToString() => Text is null ? $"{Location} : {InstanceType}" : $"{Location} : {InstanceType} = {Text}";
}
