using System.Collections.Frozen;
using System.Xml;
using FhirGateway.Fhir.Model;

namespace FhirGateway.FhirPath.Functions;

/// <summary>
/// htmlChecks() (invariant txt-1, FHIR R4 narrative rules): the narrative is well-formed XML whose root is an xhtml
/// <c>div</c>, and it uses only the basic formatting elements and attributes the rule allows (HTML 4.0 chapters 7–11,
/// <c>a</c> with name or href, images, inline style): no head/body, scripts, forms, frames, objects, base/link, style
/// sheets, event attributes or other namespaces. Each item must pass; an empty input gives empty (the function propagates).
/// </summary>
internal static class Xhtml
{
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    private static readonly FrozenSet<string> Elements = FrozenSet.ToFrozenSet(
    [
        "p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "a", "span", "b", "em", "i", "strong", "small", "big", "tt", "dfn",
        "q", "var", "abbr", "acronym", "cite", "blockquote", "hr", "address", "bdo", "kbd", "sub", "sup", "ul", "ol", "li", "dl",
        "dt", "dd", "pre", "table", "caption", "colgroup", "col", "thead", "tr", "tfoot", "tbody", "th", "td", "code", "samp",
        "img", "map", "area", "ins", "del", "u", "s", "strike", "font", "center",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Attributes = FrozenSet.ToFrozenSet(
    [
        "title", "style", "class", "id", "lang", "dir", "accesskey", "tabindex", "href", "name", "rel", "rev", "type", "hreflang",
        "charset", "src", "alt", "height", "width", "longdesc", "usemap", "ismap", "border", "hspace", "vspace", "align", "valign",
        "char", "charoff", "summary", "frame", "rules", "cellspacing", "cellpadding", "abbr", "axis", "headers", "scope", "rowspan",
        "colspan", "span", "nowrap", "bgcolor", "shape", "coords", "nohref", "cite", "datetime", "start", "value", "compact",
        "color", "face", "size", "clear", "noshade",
    ], StringComparer.Ordinal);

    public static bool IsSafe(IReadOnlyList<object> focus)
    {
        foreach (var item in focus)
        {
            var text = item is ElementNode n ? n.Text : item as string;
            if (text is null || !IsSafe(text)) return false;
        }
        return true;
    }

    private static bool IsSafe(string xhtml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xhtml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var first = true;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.ProcessingInstruction) return false;
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.NamespaceURI != XhtmlNamespace) return false;
                if (first && reader.LocalName != "div") return false;
                first = false;
                if (!Elements.Contains(reader.LocalName) || !AttributesAllowed(reader)) return false;
            }
            return !first;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>Every attribute is an allowed one (namespace declarations and xml:lang/xml:space included); no on… events.</summary>
    private static bool AttributesAllowed(XmlReader reader)
    {
        if (!reader.MoveToFirstAttribute()) return true;
        try
        {
            do
            {
                if (reader.Prefix == "xmlns" || reader.LocalName == "xmlns") continue;
                if (reader.Prefix == "xml" && reader.LocalName is "lang" or "space") continue;
                if (reader.Prefix.Length > 0 || !Attributes.Contains(reader.LocalName)) return false;
            }
            while (reader.MoveToNextAttribute());
            return true;
        }
        finally
        {
            reader.MoveToElement();
        }
    }
}
