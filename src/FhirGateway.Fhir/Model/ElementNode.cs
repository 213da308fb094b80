using System.Text;

namespace FhirGateway.Fhir.Model;

/// <summary>
/// One element of a FHIR instance in the typed element tree: a resource, a complex element, a backbone
/// element or a primitive. Built once by a reader (JSON or XML: both produce this same tree),
/// then only read; safe to read from many threads. Children are kept in document order; writers order
/// them by definition.
/// </summary>
/// <remarks>
/// A tree has a node per element, so a node is kept small: what all elements of one property share (names,
/// type, property) is one reference to an immutable <see cref="NodeShape"/>, the source document is named
/// once, by the root's shape, and a reader hands over the children as one array of the exact size (see
/// ElementNode.Children.cs).
/// </remarks>
public sealed partial class ElementNode
{
    private readonly NodeShape _shape;
    private ElementNode? _parent;
    /// <summary>The lexical value: a string, or a <see cref="DeferredText"/> a reader left for a very long one (decoded on first read).</summary>
    private object? _text;
    /// <summary>The index among same-named siblings when in an array, -1 for a single value.</summary>
    private int _slot = -1;

    public ElementNode(string name, string jsonName, string? instanceType, TypeDescriptor? type,
        PropertyDescriptor? property, ISourceDocument? document = null, int position = -1)
        : this(new NodeShape(name, jsonName, instanceType, type, property, document), position, null)
    {
    }

    /// <summary>A node of a shape a reader's tables share (or, for a root, made for its tree); the reader attaches it with <see cref="SetChildren"/>.</summary>
    internal ElementNode(NodeShape shape, int position, object? text)
    {
        _shape = shape;
        Position = position;
        _text = text;
    }

    /// <summary>The name FHIRPath navigates by: <c>value</c> for <c>valueQuantity</c>; the resource type for a root.</summary>
    public string Name => _shape.Name;

    /// <summary>The property name on the wire: <c>valueQuantity</c>; the resource type for a root.</summary>
    public string JsonName => _shape.JsonName;

    /// <summary>The FHIR type code of this element (<c>Quantity</c>, <c>code</c>, <c>BackboneElement</c>, <c>Observation</c>), null when unknown.</summary>
    public string? InstanceType => _shape.InstanceType;

    /// <summary>The type this element is an instance of (for backbone elements the nested, path-named descriptor), null when unknown.</summary>
    public TypeDescriptor? Type => _shape.Type;

    /// <summary>The property of the parent that this element fills; null for a root and for unknown properties.</summary>
    public PropertyDescriptor? Property => _shape.Property;

    /// <summary>The element definition this element is an instance of, as far as the base definitions say.</summary>
    public Definitions.ElementDefinitionInfo? Definition => _shape.Definition;

    /// <summary>The exact lexical value of a primitive (<c>1.50</c> stays <c>1.50</c>), the xhtml of a <c>div</c>; null when the primitive only carries id or extensions.</summary>
    public string? Text => _text as string ?? DecodeDeferred();

    /// <summary>True when the element has a lexical value (without decoding a deferred one).</summary>
    public bool HasText => _text is not null;

    /// <summary>True while the lexical value is still a reader's <see cref="DeferredText"/> (not yet read).</summary>
    internal bool TextIsDeferred => _text is DeferredText;

    /// <summary>The element this one is a child of; null for a root.</summary>
    public ElementNode? Parent => _parent;

    /// <summary>The position among the parent's children of the same name (0 for a single value).</summary>
    public int Index => _slot < 0 ? 0 : _slot;

    /// <summary>True when the element sits in a repeating property (it gets an index in its location).</summary>
    public bool InArray => _slot >= 0;

    /// <summary>The text this element was read from: its own, else its nearest ancestor's (a reader names it once, at the root).</summary>
    public ISourceDocument? Document
    {
        get
        {
            for (var n = this; n is not null; n = n._parent)
                if (n._shape.Document is { } document) return document;
            return null;
        }
    }

    /// <summary>The opaque position key that <see cref="Document"/> resolves; -1 when unknown.</summary>
    public int Position { get; }

    public bool IsResource => _shape.IsResource;

    public bool IsPrimitive => _shape.IsPrimitive;

    /// <summary>The 1-based line and column in the source, or (0, 0) when unknown.</summary>
    public (int Line, int Column) LineColumn => Position >= 0 && Document is { } document ? document.Resolve(Position) : (0, 0);

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

    /// <summary>Sets the primitive's lexical value as a reader has it: a string or a <see cref="DeferredText"/>. Construction only.</summary>
    internal void SetValue(object? text) => _text = text;

    /// <summary>Decodes a deferred value once; threads that race here each decode the same string and either may be kept.</summary>
    private string? DecodeDeferred()
    {
        if (_text is not DeferredText deferred) return null;
        var text = deferred.Decode();
        _text = text;
        return text;
    }

    public override string ToString() => Text is null ? $"{Location} : {InstanceType}" : $"{Location} : {InstanceType} = {Text}";
}
