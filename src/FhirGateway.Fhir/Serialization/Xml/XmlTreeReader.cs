using System.Xml;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Xml;

/// <summary>
/// One pass over one XML text with a forward-only <see cref="XmlReader"/>, building the same typed element tree
/// as the JSON reader and collecting issues. The XML-only rules (namespaces, <c>value</c>/<c>id</c>/<c>url</c>
/// attributes, element order, resource wrapper elements, the xhtml div) live here; types and properties come
/// from <see cref="TypeTables"/>. Each element reader leaves the reader on the element's last node.
/// </summary>
internal sealed partial class XmlTreeReader
{
    private readonly TypeTables _tables;
    private readonly XmlSourceDocument _document;
    private readonly List<Issue> _issues = [];
    private readonly LocationPath _path = new();
    private readonly Stack<XmlElementScope> _scopes = new();
    private XmlReader _r = null!;
    private IXmlLineInfo _lines = null!;

    public XmlTreeReader(TypeTables tables, XmlSourceDocument document)
    {
        _tables = tables;
        _document = document;
    }

    public List<Issue> Issues => _issues;

    /// <summary>The resource read; set before its content is read, so a fatal error still leaves what was read.</summary>
    public ElementNode? Root { get; private set; }

    public void Read(XmlReader reader)
    {
        _r = reader;
        _lines = (IXmlLineInfo)reader;
        try
        {
            if (_r.MoveToContent() != XmlNodeType.Element)
            {
                Report(IssueCatalogue.XmlMalformed, _document.Text.Length, null, "the text has no root element");
                return;
            }
            ReadRoot();
            while (_r.Read())
            {
                // After the root only comments, processing instructions and whitespace may follow; XmlReader rejects anything else.
            }
        }
        catch (XmlException e)
        {
            Report(IssueCatalogue.XmlMalformed, _document.OffsetOf(e.LineNumber, e.LinePosition), Root is null ? null : _path.Describe(), XmlErrorText.Reason(e));
        }
    }

    private void ReadRoot()
    {
        var pos = ElementStart();
        var name = _r.LocalName;
        if (_r.NamespaceURI != FhirXmlNamespaces.Fhir)
            Report(IssueCatalogue.XmlWrongNamespace, pos, null, name, _r.NamespaceURI, "a resource", FhirXmlNamespaces.Fhir);
        var table = _tables.ForResource(name);
        if (table is null)
        {
            Report(IssueCatalogue.XmlUnknownResourceType, pos, null, name);
            SkipToEnd();
            return;
        }
        Root = new ElementNode(NodeShape.Root(table.Type, _document), pos, null);
        _path.Push(table.Type.Name, -1);
        ReadContent(Root, table, isPrimitive: false);
        _path.Pop();
    }

    /// <summary>
    /// Reads the attributes and child elements of the element the reader is on into <paramref name="node"/>; returns
    /// false when the element had nothing at all (no attribute, child or text), which the caller reports.
    /// </summary>
    private bool ReadContent(ElementNode node, TypedPropertyTable table, bool isPrimitive)
    {
        var scope = _scopes.Count > 0 ? _scopes.Pop() : new XmlElementScope();
        scope.Begin(_r.NamespaceURI);
        var name = _r.LocalName;
        var empty = _r.IsEmptyElement;
        try
        {
            var any = ReadAttributes(node, table, scope, isPrimitive);
            if (!empty) any |= ReadChildren(node, table, scope, name);
            return any;
        }
        finally
        {
            scope.Finish(node);
            _scopes.Push(scope);
        }
    }

    /// <summary>
    /// The <c>value</c> of a primitive, and <c>id</c>/<c>url</c> (the properties the definitions represent as xmlAttr);
    /// namespace declarations pass. Any other attribute is reported, <c>xsi:schemaLocation</c> included, as the HL7
    /// validator does: it is not FHIR content.
    /// </summary>
    private bool ReadAttributes(ElementNode node, TypedPropertyTable table, XmlElementScope scope, bool isPrimitive)
    {
        if (!_r.MoveToFirstAttribute()) return false;
        var elementName = node.JsonName;
        var any = false;
        do
        {
            var ns = _r.NamespaceURI;
            if (ns == FhirXmlNamespaces.Xmlns) continue;
            any = true;
            var pos = AttributeStart();
            var name = _r.LocalName;
            if (ns.Length == 0 && isPrimitive && name == "value")
            {
                var value = _r.Value;
                if (value.Length == 0) Report(IssueCatalogue.XmlEmptyValue, pos, _path.Describe(), elementName);
                else node.SetValue(value);
            }
            else if (ns.Length == 0 && table.TryGet(name, out var p) && p.Property.IsXmlAttribute)
            {
                var value = _r.Value;
                if (value.Length == 0) Report(IssueCatalogue.XmlEmptyValue, pos, _path.Describe(name), name);
                else scope.KeepAttribute(node, new ElementNode(p.Shape, pos, value));
            }
            else
            {
                Report(IssueCatalogue.XmlUnexpectedAttribute, pos, _path.Describe(), _r.Name, elementName, WhyNotAttribute(ns, name, table, isPrimitive));
            }
        }
        while (_r.MoveToNextAttribute());
        _r.MoveToElement();
        return any;
    }

    private static string WhyNotAttribute(string ns, string name, TypedPropertyTable table, bool isPrimitive)
    {
        if (ns == FhirXmlNamespaces.Xsi) return "XML Schema attributes such as xsi:schemaLocation are not FHIR content";
        if (ns.Length > 0) return $"attributes in the namespace '{ns}' are not part of FHIR";
        if (name == "value") return $"{table.Type.Name} is not a primitive type, so it has no value attribute";
        if (table.TryGet(name, out _)) return $"{name} is an element in FHIR XML: write it as <{name}{(isPrimitive ? "" : " value=\"…\"")}/> inside";
        return $"{table.Type.Name} has no attribute {name} (FHIR XML attributes are id, url on extensions, and value on primitives)";
    }

    /// <summary>Reads child nodes up to the element's end tag (each run of text is reported); returns true when there was any child element or text.</summary>
    private bool ReadChildren(ElementNode node, TypedPropertyTable table, XmlElementScope scope, string elementName)
    {
        var any = false;
        while (_r.Read())
        {
            switch (_r.NodeType)
            {
                case XmlNodeType.Element:
                    any = true;
                    ReadChild(node, table, scope);
                    break;
                case XmlNodeType.EndElement:
                    return any;
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    any = true;
                    ReportText(elementName);
                    break;
            }
        }
        return any;
    }

    private void ReportText(string elementName)
    {
        var (line, column) = (_lines.LineNumber, _lines.LinePosition);
        var text = _r.Value.Trim();
        if (text.Length > 40) text = text[..40] + "…";
        Report(IssueCatalogue.XmlTextNotAllowed, _document.OffsetOf(line, column), _path.Describe(), elementName, text);
    }

    /// <summary>Moves to the last node of the element the reader is on (its end tag; the element itself when empty).</summary>
    private void SkipToEnd()
    {
        if (_r.IsEmptyElement) return;
        var depth = _r.Depth;
        while (_r.Read())
            if (_r.NodeType == XmlNodeType.EndElement && _r.Depth == depth) return;
    }

    /// <summary>The offset of the <c>&lt;</c> of the element the reader is on (the reader's position is its name).</summary>
    private int ElementStart() => Math.Max(0, _document.OffsetOf(_lines.LineNumber, _lines.LinePosition) - 1);

    private int AttributeStart() => _document.OffsetOf(_lines.LineNumber, _lines.LinePosition);

    private void Report(IssueDefinition definition, int position, string? location, params object?[] args)
    {
        var (line, column) = _document.Resolve(position);
        _issues.Add(definition.At(location, args) with { Line = line, Column = column, Origin = _document.Origin });
    }
}
