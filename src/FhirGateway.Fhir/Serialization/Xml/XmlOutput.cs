using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Xml;

/// <summary>The text an XML writer writes to, with indentation and attribute escaping (characters XML 1.0 cannot carry are reported and replaced).</summary>
internal sealed class XmlOutput(TextWriter output, bool pretty, ICollection<Issue> issues)
{
    public ICollection<Issue> Issues => issues;

    public XmlOutput Raw(string text)
    {
        output.Write(text);
        return this;
    }

    public void NewLine()
    {
        if (pretty) output.Write('\n');
    }

    public void Indent(int depth)
    {
        if (pretty)
            for (var i = 0; i < depth; i++) output.Write("  ");
    }

    /// <summary>Writes <c> name="value"</c>, escaping markup and the whitespace that attribute normalisation would otherwise turn into spaces.</summary>
    public void Attribute(string name, string value, ElementNode node)
    {
        output.Write(' ');
        output.Write(name);
        output.Write("=\"");
        Escaped(value, node, attribute: true);
        output.Write('"');
    }

    /// <summary>Writes text escaped for element content (or, with <paramref name="attribute"/>, for a double-quoted attribute).</summary>
    public void Escaped(string value, ElementNode node, bool attribute)
    {
        var reported = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&': output.Write("&amp;"); continue;
                case '<': output.Write("&lt;"); continue;
                case '>': output.Write("&gt;"); continue;
                case '"' when attribute: output.Write("&quot;"); continue;
                case '\t' when attribute: output.Write("&#x9;"); continue;
                case '\n' when attribute: output.Write("&#xA;"); continue;
                case '\r': output.Write("&#xD;"); continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                output.Write(c);
                output.Write(value[++i]);
                continue;
            }
            if (IsXmlChar(c))
            {
                output.Write(c);
                continue;
            }
            if (!reported)
                issues.Add(IssueCatalogue.XmlWriteInvalidCharacter.At(node.Location, node.Location, (int)c));
            reported = true;
            output.Write('\uFFFD');
        }
    }

    /// <summary>A character XML 1.0 allows on its own (surrogates only in pairs).</summary>
    private static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' or >= ' ' and <= '\uD7FF' or >= '\uE000' and <= '\uFFFD';
}
