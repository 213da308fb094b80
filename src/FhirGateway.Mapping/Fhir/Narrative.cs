using System.Text;

namespace FhirGateway.Mapping.Fhir;

/// <summary>
/// Builds a resource's generated narrative: safe xhtml in the xhtml namespace (paragraphs and a two-column table,
/// every text escaped), which an EHR can display as it is. Not thread-safe; one per resource.
/// </summary>
internal sealed class Narrative
{
    private readonly StringBuilder _body = new();
    private bool _inTable;

    /// <summary>A heading paragraph in bold.</summary>
    public Narrative Title(string text)
    {
        CloseTable();
        _body.Append("<p><b>");
        Escape(text);
        _body.Append("</b></p>");
        return this;
    }

    public Narrative Paragraph(string text)
    {
        CloseTable();
        _body.Append("<p>");
        Escape(text);
        _body.Append("</p>");
        return this;
    }

    /// <summary>A row of the facts table (label, value); rows in a row make one table. Null values are left out.</summary>
    public Narrative Row(string label, string? value)
    {
        if (value is null) return this;
        if (!_inTable)
        {
            _body.Append("<table>");
            _inTable = true;
        }
        _body.Append("<tr><th>");
        Escape(label);
        _body.Append("</th><td>");
        Escape(value);
        _body.Append("</td></tr>");
        return this;
    }

    public string ToXhtml()
    {
        CloseTable();
        return $"<div xmlns=\"http://www.w3.org/1999/xhtml\">{_body}</div>";
    }

    private void CloseTable()
    {
        if (!_inTable) return;
        _body.Append("</table>");
        _inTable = false;
    }

    private void Escape(string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': _body.Append("&amp;"); break;
                case '<': _body.Append("&lt;"); break;
                case '>': _body.Append("&gt;"); break;
                case '"': _body.Append("&quot;"); break;
                default:
                    if (char.IsControl(c) && c is not '\n' and not '\t') _body.Append(' ');
                    else _body.Append(c);
                    break;
            }
        }
    }
}
