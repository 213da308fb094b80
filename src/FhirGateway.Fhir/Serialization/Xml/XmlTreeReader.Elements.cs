using System.Xml;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Xml;

/// <summary>Child elements: finding their property, the order and repeat rules, and reading primitives, complex elements and resource containers.</summary>
internal sealed partial class XmlTreeReader
{
    /// <summary>How deep elements may nest (as the JSON reader's depth limit): deeper content is reported and passed over, so no input exhausts the stack.</summary>
    public const int MaxDepth = 512;

    private void ReadChild(ElementNode parent, TypedPropertyTable table, XmlElementScope scope)
    {
        var pos = ElementStart();
        var name = _r.LocalName;
        if (_r.Depth >= MaxDepth)
        {
            Report(IssueCatalogue.XmlTooDeep, pos, _path.Describe(name), name, MaxDepth);
            SkipToEnd();
            return;
        }
        if (!table.TryGet(name, out var p))
        {
            ReportUnknown(name, table, pos);
            SkipToEnd();
            return;
        }
        if (p.Property.IsXmlAttribute)
        {
            Report(IssueCatalogue.XmlExpectedAttribute, pos, _path.Describe(name), name, parent.JsonName);
            SkipToEnd();
            return;
        }
        if (!p.Property.IsXhtml && _r.NamespaceURI != FhirXmlNamespaces.Fhir && scope.Namespace == FhirXmlNamespaces.Fhir)
            Report(IssueCatalogue.XmlWrongNamespace, pos, _path.Describe(name), name, _r.NamespaceURI, "FHIR elements", FhirXmlNamespaces.Fhir);
        var claim = scope.Find(p.Property);
        if (claim >= 0 && !ReferenceEquals(scope.ClaimedAs(claim), p))
        {
            Report(IssueCatalogue.XmlChoiceConflict, pos, _path.Describe(name), scope.ClaimedAs(claim).WireName, name, p.Property.Path);
            SkipToEnd();
            return;
        }
        if (claim >= 0 && !p.IsCollection)
        {
            Report(IssueCatalogue.XmlDuplicateElement, pos, _path.Describe(name), name, p.Property.Path);
            SkipToEnd();
            return;
        }
        var (outOfOrder, after) = (p.Property.Order < scope.MaxOrder, scope.MaxOrderName);
        var index = scope.Claim(claim, p);
        if (outOfOrder) Report(IssueCatalogue.XmlElementOrder, pos, _path.Describe(name, index), name, table.Type.Name, after);
        _path.Push(name, index);
        try
        {
            var child = p.IsResourceContainer ? ReadContainer(p, pos)
                : p.Property.IsXhtml ? ReadXhtml(p, pos)
                : ReadElement(p, pos);
            if (child is not null) scope.Keep(parent, child, p);
        }
        finally
        {
            _path.Pop();
        }
    }

    private void ReportUnknown(string name, TypedPropertyTable table, int pos)
    {
        var location = _path.Describe(name);
        if (name.Length > 1 && name[0] == '_' && table.TryGet(name.AsSpan(1), out _))
            Report(IssueCatalogue.XmlJsonConstruct, pos, location, name,
                $"a primitive's id and extensions go on <{name[1..]}> itself (an id attribute and <extension> elements)");
        else if (name == "resourceType")
            Report(IssueCatalogue.XmlJsonConstruct, pos, location, name, "the resource type is the name of the resource's element, as in <Patient>");
        else if (name == "fhir_comments")
            Report(IssueCatalogue.XmlJsonConstruct, pos, location, name, "comments are XML comments (<!-- … -->)");
        else
            Report(IssueCatalogue.XmlUnknownElement, pos, location, name, table.Type.Name, Hint(name, table));
    }

    private string Hint(string name, TypedPropertyTable table)
    {
        if (table.Type.FindProperty(name) is { IsChoice: true } choice)
            return $"; {choice.Name}[x] is a choice: the element's name carries the type, as in <{choice.Name}{Capitalised(choice.TypeCodes[0])}>";
        if (_tables.ForResource(name) is not null)
            return "; a resource goes inside an element that holds resources, such as <contained> or <resource>";
        return "";
    }

    private static string Capitalised(string code) => string.Concat(char.ToUpperInvariant(code[0]).ToString(), code.AsSpan(1));

    /// <summary>A primitive, complex or backbone element; null (reported unless already explained) when it holds nothing.</summary>
    private ElementNode? ReadElement(TypedProperty p, int pos)
    {
        var node = new ElementNode(p.Shape, pos, null);
        var any = ReadContent(node, p.ChildTable(_tables), isPrimitive: p.IsValue);
        if (node.HasText || node.HasChildren) return node;
        if (!any) Report(IssueCatalogue.XmlEmptyElement, pos, _path.Describe(), p.WireName);
        return null;
    }

    /// <summary>
    /// An element that holds a resource (<c>contained</c>, <c>entry.resource</c>): exactly one child element named
    /// by the resource type. The node is the resource, as in the JSON tree. Null when no resource could be read.
    /// </summary>
    private ElementNode? ReadContainer(TypedProperty p, int pos)
    {
        var wrapperNs = _r.NamespaceURI;
        if (_r.MoveToFirstAttribute())
        {
            do
            {
                if (_r.NamespaceURI == FhirXmlNamespaces.Xmlns) continue;
                Report(IssueCatalogue.XmlUnexpectedAttribute, AttributeStart(), _path.Describe(), _r.Name, p.WireName,
                    $"<{p.WireName}> only wraps a resource");
            }
            while (_r.MoveToNextAttribute());
            _r.MoveToElement();
        }
        if (_r.IsEmptyElement)
        {
            Report(IssueCatalogue.XmlEmptyElement, pos, _path.Describe(), p.WireName);
            return null;
        }
        ElementNode? resource = null;
        var count = 0;
        while (_r.Read() && _r.NodeType != XmlNodeType.EndElement)
        {
            if (_r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA) ReportText(p.WireName);
            if (_r.NodeType != XmlNodeType.Element) continue;
            if (++count == 1) resource = ReadContainedResource(p, wrapperNs);
            else SkipToEnd();
        }
        if (count != 1) Report(count == 0 ? IssueCatalogue.XmlEmptyElement : IssueCatalogue.XmlResourceCount, pos, _path.Describe(), p.WireName, count);
        return resource;
    }

    private ElementNode? ReadContainedResource(TypedProperty p, string wrapperNs)
    {
        var pos = ElementStart();
        var name = _r.LocalName;
        if (_r.NamespaceURI != FhirXmlNamespaces.Fhir && wrapperNs == FhirXmlNamespaces.Fhir)
            Report(IssueCatalogue.XmlWrongNamespace, pos, _path.Describe(), name, _r.NamespaceURI, "a resource", FhirXmlNamespaces.Fhir);
        var table = _tables.ForResource(name);
        if (table is null)
        {
            Report(IssueCatalogue.XmlUnknownResourceType, pos, _path.Describe(), name);
            SkipToEnd();
            return null;
        }
        var resource = new ElementNode(p.ResourceShape(table.Type), pos, null);
        ReadContent(resource, table, isPrimitive: false);
        return resource;
    }
}
