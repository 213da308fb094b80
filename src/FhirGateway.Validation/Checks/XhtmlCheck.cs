using System.Xml;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Narrative;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// Narrative safety for xhtml elements: well-formed XML, one <c>div</c> root in the XHTML namespace, only the
/// allowed elements and attributes, no event handler attributes, no script URLs, no DOCTYPE or processing
/// instructions; a link within the narrative (<c>href="#x"</c>) names an anchor of it (an element's <c>id</c> or <c>name</c>).
/// Every offending element, attribute or link is its own issue.
/// </summary>
internal sealed class XhtmlCheck : IElementCheck
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false };

    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        if (node.Text is not { } xhtml) return CheckResult.Success;
        var result = new ResultBuilder();
        var links = new Links();
        try
        {
            using var reader = XmlReader.Create(new StringReader(xhtml), Settings);
            var root = true;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.ProcessingInstruction)
                    result.Add(IssueAt.Node(IssueCatalogue.ValXhtmlDeclaration, node, "processing instruction"));
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (root && (reader.LocalName != "div" || reader.NamespaceURI != XhtmlRules.Namespace))
                    result.Add(IssueAt.Node(IssueCatalogue.ValXhtmlRoot, node, $"<{reader.Name}> in namespace '{reader.NamespaceURI}'"));
                root = false;
                CheckElement(reader, node, result, links);
            }
            foreach (var target in links.Unresolved())
                result.Add(IssueAt.Node(IssueCatalogue.ValXhtmlLinkUnresolved, node, target));
        }
        catch (XmlException e)
        {
            var declaration = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase);
            result.Add(declaration
                ? IssueAt.Node(IssueCatalogue.ValXhtmlDeclaration, node, "DOCTYPE declaration")
                : IssueAt.Node(IssueCatalogue.ValXhtmlMalformed, node, e.Message));
        }
        return result.ToResult();
    }

    private static void CheckElement(XmlReader reader, ElementNode node, ResultBuilder result, Links links)
    {
        var name = reader.LocalName;
        if (!XhtmlRules.Elements.Contains(name) || reader.NamespaceURI != XhtmlRules.Namespace)
            result.Add(IssueAt.Node(IssueCatalogue.ValXhtmlElement, node, reader.Name));
        if (!reader.MoveToFirstAttribute()) return;
        do
        {
            var attribute = reader.Name;
            links.See(name, attribute, reader.Value);
            if (!XhtmlRules.AllowsAttribute(name, attribute))
                result.Add(IssueAt.Node(IssueCatalogue.ValXhtmlAttribute, node, attribute, name));
            else if (XhtmlRules.UrlAttributes.Contains(attribute) && XhtmlRules.IsScriptUrl(reader.Value))
                result.Add(IssueAt.Node(IssueCatalogue.ValXhtmlUnsafeLink, node, attribute, name));
        }
        while (reader.MoveToNextAttribute());
        reader.MoveToElement();
    }
}

/// <summary>The anchors of a narrative (<c>id</c> and <c>name</c> attributes) and its links to fragments of itself (<c>&lt;a href="#x"&gt;</c>).</summary>
internal sealed class Links
{
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
    private List<string>? _fragments;

    public void See(string element, string attribute, string value)
    {
        if (attribute is "id" or "name") _anchors.Add(value);
        else if (element == "a" && attribute == "href" && value.Length > 1 && value[0] == '#') (_fragments ??= []).Add(value);
    }

    /// <summary>Each link whose fragment names no anchor, once.</summary>
    public IEnumerable<string> Unresolved() =>
        _fragments is null ? [] : _fragments.Where(f => !_anchors.Contains(f[1..])).Distinct(StringComparer.Ordinal);
}
