using System.Xml;
using FhirGateway.Fhir.Model;

namespace FhirGateway.FhirPath.Functions;

/// <summary>
/// htmlChecks() kept simple: true when the narrative is well-formed XML whose root is a <c>div</c> and which has no
/// <c>script</c>, <c>object</c>, <c>iframe</c>, <c>form</c>, <c>base</c>, <c>link</c> or <c>style</c> elements and no
/// <c>on…</c> event attributes. It does not check the full FHIR xhtml element/attribute whitelist.
/// </summary>
internal static class Xhtml
{
    private static readonly HashSet<string> Forbidden = new(StringComparer.OrdinalIgnoreCase) { "script", "object", "iframe", "form", "base", "link", "style", "embed", "applet", "frame", "frameset", "meta" };

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
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (first && reader.LocalName != "div") return false;
                first = false;
                if (Forbidden.Contains(reader.LocalName)) return false;
                if (!reader.MoveToFirstAttribute()) continue;
                do
                {
                    if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)) return false;
                }
                while (reader.MoveToNextAttribute());
                reader.MoveToElement();
            }
            return !first;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
