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
/// instructions. Every offending element or attribute is its own issue.
/// </summary>
internal sealed class XhtmlCheck : IElementCheck
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false };

    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        if (node.Text is not { } xhtml) return CheckResult.Success;
        var result = new ResultBuilder();
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
                CheckElement(reader, node, result);
            }
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

    private static void CheckElement(XmlReader reader, ElementNode node, ResultBuilder result)
    {
        var name = reader.LocalName;
        if (!XhtmlRules.Elements.Contains(name) || reader.NamespaceURI != XhtmlRules.Namespace)
            result.Add(IssueAt.Node(IssueCatalogue.ValXhtmlElement, node, reader.Name));
        if (!reader.MoveToFirstAttribute()) return;
        do
        {
            var attribute = reader.Name;
            if (!XhtmlRules.AllowsAttribute(name, attribute))
                result.Add(IssueAt.Node(IssueCatalogue.ValXhtmlAttribute, node, attribute, name));
            else if (XhtmlRules.UrlAttributes.Contains(attribute) && XhtmlRules.IsScriptUrl(reader.Value))
                result.Add(IssueAt.Node(IssueCatalogue.ValXhtmlUnsafeLink, node, attribute, name));
        }
        while (reader.MoveToNextAttribute());
        reader.MoveToElement();
    }
}
