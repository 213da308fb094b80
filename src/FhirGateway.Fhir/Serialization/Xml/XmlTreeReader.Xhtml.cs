using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Xml;

/// <summary>
/// The narrative's <c>div</c>: kept as its XHTML text, as the JSON tree holds it. A div that declares its own
/// namespace (as FHIR XML writes it) is taken from the source exactly, character for character; one that relies
/// on a declaration further out is written out again by the reader, with the declarations it needs.
/// </summary>
internal sealed partial class XmlTreeReader
{
    private ElementNode ReadXhtml(TypedProperty p, int pos)
    {
        if (_r.NamespaceURI != FhirXmlNamespaces.Xhtml)
            Report(IssueCatalogue.XmlWrongNamespace, pos, _path.Describe(), _r.Name, _r.NamespaceURI, "the narrative's div", FhirXmlNamespaces.Xhtml);
        string text;
        if (DeclaresOwnNamespace())
        {
            var empty = _r.IsEmptyElement;
            SkipToEnd();
            // On an end tag the reader's position is the name after "</".
            var endTag = empty ? pos : Math.Max(pos, _document.OffsetOf(_lines.LineNumber, _lines.LinePosition) - 2);
            text = _document.Text[pos..TagEnd(_document.Text, endTag)];
        }
        else
        {
            using var subtree = _r.ReadSubtree();
            subtree.MoveToContent();
            text = subtree.ReadOuterXml();
        }
        return new ElementNode(p.Shape, pos, text);
    }

    /// <summary>True when the element the reader is on declares the namespace of its own name (<c>xmlns="…"</c>, or <c>xmlns:h="…"</c> on <c>h:div</c>).</summary>
    private bool DeclaresOwnNamespace()
    {
        var prefix = _r.Prefix;
        var found = false;
        if (_r.MoveToFirstAttribute())
        {
            do
            {
                if (_r.NamespaceURI != FhirXmlNamespaces.Xmlns) continue;
                found |= prefix.Length == 0 ? _r.Prefix.Length == 0 && _r.LocalName == "xmlns" : _r.Prefix == "xmlns" && _r.LocalName == prefix;
            }
            while (_r.MoveToNextAttribute());
            _r.MoveToElement();
        }
        return found;
    }

    /// <summary>The offset just past the <c>&gt;</c> that closes the tag starting at <paramref name="from"/> (quoted attribute values may hold <c>&gt;</c>).</summary>
    private static int TagEnd(string text, int from)
    {
        var quote = '\0';
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return i + 1;
        }
        return text.Length;
    }
}
