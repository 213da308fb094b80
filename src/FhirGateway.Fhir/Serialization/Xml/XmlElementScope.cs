using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Xml;

/// <summary>
/// What the XML reader knows about the element it is reading: its namespace, the children kept so far (in
/// document order), which properties have appeared (with how many elements each, for indexes) and the
/// highest definition order seen (FHIR XML gives elements in definition order). Reused between elements.
/// </summary>
internal sealed class XmlElementScope
{
    private readonly List<ElementNode> _children = new(8);
    private readonly List<PropertyClaim> _claims = new(8);

    public string Namespace { get; private set; } = "";

    /// <summary>The highest definition order of the elements read so far (-1: none yet), and the wire name that had it.</summary>
    public int MaxOrder { get; private set; } = -1;

    public string? MaxOrderName { get; private set; }

    public void Begin(string ns)
    {
        Namespace = ns;
        MaxOrder = -1;
        MaxOrderName = null;
    }

    /// <summary>The index of the claim of a property (any of its choice names), or -1.</summary>
    public int Find(PropertyDescriptor property)
    {
        for (var i = 0; i < _claims.Count; i++)
            if (ReferenceEquals(_claims[i].Property.Property, property)) return i;
        return -1;
    }

    public TypedProperty ClaimedAs(int claim) => _claims[claim].Property;

    /// <summary>Records one more element of <paramref name="property"/>; returns its index among the elements of that property as written (-1 for a single value).</summary>
    public int Claim(int claim, TypedProperty property)
    {
        if (property.Property.Order > MaxOrder)
        {
            MaxOrder = property.Property.Order;
            MaxOrderName = property.WireName;
        }
        if (claim < 0)
        {
            _claims.Add(new PropertyClaim(property));
            claim = _claims.Count - 1;
        }
        var c = _claims[claim];
        _claims[claim] = c with { Written = c.Written + 1 };
        return property.IsCollection ? c.Written : -1;
    }

    /// <summary>Keeps a child read for a claimed property: attached to <paramref name="parent"/> with its index among the kept elements of that property.</summary>
    public void Keep(ElementNode parent, ElementNode child, TypedProperty property)
    {
        var index = -1;
        if (property.IsCollection)
        {
            var claim = Find(property.Property);
            var c = _claims[claim];
            index = c.Kept;
            _claims[claim] = c with { Kept = c.Kept + 1 };
        }
        child.AttachTo(parent, index);
        _children.Add(child);
    }

    /// <summary>Keeps an attribute's node (<c>id</c>, <c>url</c>): a single value.</summary>
    public void KeepAttribute(ElementNode parent, ElementNode child)
    {
        child.AttachTo(parent, -1);
        _children.Add(child);
    }

    /// <summary>Gives the kept children to <paramref name="parent"/> and clears the scope for reuse.</summary>
    public void Finish(ElementNode parent)
    {
        if (_children.Count > 0) parent.SetChildren(_children.ToArray());
        _children.Clear();
        _claims.Clear();
    }

    private readonly record struct PropertyClaim(TypedProperty Property, int Written = 0, int Kept = 0);
}
