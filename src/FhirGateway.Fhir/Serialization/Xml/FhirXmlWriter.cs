using System.Text;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Xml;

/// <summary>
/// Writes an element tree as FHIR XML (https://hl7.org/fhir/R4/xml.html): elements in definition order in the
/// namespace http://hl7.org/fhir, primitives as <c>value</c> attributes, <c>id</c> and <c>url</c> (the definitions'
/// xmlAttr properties) as attributes, resources inside their container elements, the narrative's div as its XHTML.
/// What XML cannot carry (a div that is not well-formed, characters XML 1.0 forbids) is written as near as XML
/// allows and reported as an issue. Stateless; thread-safe.
/// </summary>
public sealed class FhirXmlWriter
{
    public string ToXml(ElementNode resource, bool pretty = true, ICollection<Issue>? issues = null)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(resource, text, pretty, issues);
        return text.ToString();
    }

    public byte[] ToUtf8Bytes(ElementNode resource, bool pretty = true, ICollection<Issue>? issues = null) =>
        Encoding.UTF8.GetBytes(ToXml(resource, pretty, issues));

    /// <summary>Writes <paramref name="resource"/> as an XML document (with its declaration); issues go to <paramref name="issues"/> when given.</summary>
    public void Write(ElementNode resource, TextWriter output, bool pretty = true, ICollection<Issue>? issues = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(output);
        var o = new XmlOutput(output, pretty, issues ?? []);
        output.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        o.NewLine();
        if (resource.IsResource) WriteResource(o, resource, 0, declareNamespace: true);
        else WriteElement(o, resource, 0, declareNamespace: true);
        o.NewLine();
    }

    private static void WriteResource(XmlOutput o, ElementNode resource, int depth, bool declareNamespace)
    {
        var name = resource.InstanceType ?? resource.JsonName;
        o.Indent(depth);
        o.Raw("<").Raw(name);
        if (declareNamespace) o.Raw(" xmlns=\"").Raw(FhirXmlNamespaces.Fhir).Raw("\"");
        WriteAttributes(o, resource);
        WriteBody(o, resource, name, depth);
    }

    private static void WriteElement(XmlOutput o, ElementNode node, int depth, bool declareNamespace = false)
    {
        if (node.IsResource)
        {
            o.Indent(depth);
            o.Raw("<").Raw(node.JsonName).Raw(">");
            o.NewLine();
            WriteResource(o, node, depth + 1, declareNamespace);
            o.NewLine();
            o.Indent(depth);
            o.Raw("</").Raw(node.JsonName).Raw(">");
            return;
        }
        o.Indent(depth);
        if (IsXhtml(node))
        {
            XhtmlOutput.Write(o, node);
            return;
        }
        o.Raw("<").Raw(node.JsonName);
        if (declareNamespace) o.Raw(" xmlns=\"").Raw(FhirXmlNamespaces.Fhir).Raw("\"");
        WriteAttributes(o, node);
        if (node.Text is { } text) o.Attribute("value", text, node);
        WriteBody(o, node, node.JsonName, depth);
    }

    /// <summary>The xmlAttr children (<c>id</c>, <c>url</c>), in definition order.</summary>
    private static void WriteAttributes(XmlOutput o, ElementNode node)
    {
        foreach (var child in node.Children.Where(IsAttribute).OrderBy(c => c.Property!.Order))
            if (child.Text is { } text) o.Attribute(child.JsonName, text, child);
    }

    /// <summary>The element children in definition order and the end tag; <c>/&gt;</c> when there are none.</summary>
    private static void WriteBody(XmlOutput o, ElementNode node, string name, int depth)
    {
        if (node.Children.All(IsAttribute))
        {
            o.Raw("/>");
            return;
        }
        o.Raw(">");
        ChildOrder.ForEachGroup(node, (o, depth), static (state, group) =>
        {
            if (IsAttribute(group[0])) return;
            foreach (var child in group)
            {
                state.o.NewLine();
                WriteElement(state.o, child, state.depth + 1);
            }
        });
        o.NewLine();
        o.Indent(depth);
        o.Raw("</").Raw(name).Raw(">");
    }

    private static bool IsAttribute(ElementNode node) => node.Property is { IsXmlAttribute: true } && !node.IsResource;

    private static bool IsXhtml(ElementNode node) => node.Property is { IsXhtml: true } || node.InstanceType == "xhtml";
}
