using System.Xml;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Xml;

/// <summary>
/// Writes a narrative's div into FHIR XML: its XHTML text as it is when that text is one well-formed element,
/// so the XML reader gives back the same string; otherwise (reported) the text escaped inside an empty xhtml div.
/// </summary>
internal static class XhtmlOutput
{
    private static readonly XmlReaderSettings Check = SafeXmlSettings.Create();

    public static void Write(XmlOutput o, ElementNode div)
    {
        var text = div.Text ?? "";
        var problem = Problem(text);
        if (problem is null)
        {
            o.Raw(text.Trim());
            return;
        }
        o.Issues.Add(IssueCatalogue.XmlWriteInvalidXhtml.At(div.Location, div.Location, problem));
        o.Raw("<div xmlns=\"").Raw(FhirXmlNamespaces.Xhtml).Raw("\">");
        o.Escaped(text, div, attribute: false);
        o.Raw("</div>");
    }

    /// <summary>Why the text is not one well-formed XML element on its own, or null when it is.</summary>
    private static string? Problem(string text)
    {
        if (!text.AsSpan().TrimStart().StartsWith("<") || text.AsSpan().TrimStart().StartsWith("<?"))
            return "it does not start with an element";
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Check);
            while (reader.Read())
            {
            }
            return null;
        }
        catch (XmlException e)
        {
            return XmlErrorText.Reason(e);
        }
    }
}
