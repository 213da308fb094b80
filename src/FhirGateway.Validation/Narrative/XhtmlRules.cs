namespace FhirGateway.Validation.Narrative;

/// <summary>
/// What FHIR narrative XHTML may contain (https://hl7.org/fhir/R4/narrative.html): the basic HTML formatting
/// elements and attributes of HTML 4.0, without scripts, forms, frames, objects, style sheets, base or link
/// elements and event handlers.
/// </summary>
internal static class XhtmlRules
{
    public const string Namespace = "http://www.w3.org/1999/xhtml";

    public static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "a", "span", "b", "em", "i", "strong", "small", "big", "tt",
        "dfn", "q", "var", "abbr", "acronym", "cite", "blockquote", "hr", "address", "bdo", "kbd", "sub", "sup",
        "ul", "ol", "li", "dl", "dt", "dd", "pre", "table", "caption", "colgroup", "col", "thead", "tr", "tfoot", "tbody",
        "th", "td", "code", "samp", "img", "map", "area",
    };

    /// <summary>Attributes any allowed element may carry.</summary>
    public static readonly HashSet<string> CommonAttributes = new(StringComparer.Ordinal)
    {
        "title", "style", "class", "id", "lang", "xml:lang", "dir", "accesskey", "tabindex",
        "span", "width", "align", "valign", "char", "charoff", "abbr", "axis", "headers", "scope", "rowspan", "colspan",
    };

    /// <summary>Attributes only some elements may carry, as <c>element.attribute</c>.</summary>
    public static readonly HashSet<string> ElementAttributes = new(StringComparer.Ordinal)
    {
        "a.href", "a.name", "a.charset", "a.type", "a.hreflang", "a.rel", "a.rev", "a.shape", "a.coords",
        "img.src", "img.alt", "img.border", "img.longdesc", "img.height", "img.width", "img.usemap", "img.ismap",
        "div.xmlns", "blockquote.cite", "q.cite", "map.name", "area.shape", "area.coords", "area.href", "area.nohref", "area.alt",
        "table.summary", "table.width", "table.border", "table.frame", "table.rules", "table.cellspacing", "table.cellpadding",
        "pre.space", "pre.xml:space", "td.nowrap", "ol.start", "ol.type", "ul.type", "li.value", "li.type", "col.width", "colgroup.width",
    };

    /// <summary>Attributes that hold a URL, which must not be a script.</summary>
    public static readonly HashSet<string> UrlAttributes = new(StringComparer.Ordinal) { "href", "src", "cite", "longdesc", "usemap" };

    public static bool AllowsAttribute(string element, string attribute) =>
        CommonAttributes.Contains(attribute) || ElementAttributes.Contains($"{element}.{attribute}") || attribute.StartsWith("xmlns", StringComparison.Ordinal);

    public static bool IsScriptUrl(string value)
    {
        var v = value.Trim().ToLowerInvariant();
        return v.StartsWith("javascript:", StringComparison.Ordinal) || v.StartsWith("vbscript:", StringComparison.Ordinal)
            || v.StartsWith("data:text/html", StringComparison.Ordinal);
    }
}
