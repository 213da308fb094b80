using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Xml;

/// <summary>
/// XML text (decoded to a string) whose position keys are character offsets. Lines end as XML counts them
/// (<c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>), so the reader's line and column turn into an offset and back exactly.
/// </summary>
public sealed class XmlSourceDocument : ISourceDocument
{
    private readonly int[] _lineStarts;

    public XmlSourceDocument(string text, string? origin)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Origin = origin;
        _lineStarts = LineStarts(text);
    }

    public string? Origin { get; }

    public string Text { get; }

    /// <summary>The 1-based line and column of a character offset.</summary>
    public (int Line, int Column) Resolve(int position)
    {
        if (position < 0) return (0, 0);
        if (position > Text.Length) position = Text.Length;
        var line = Array.BinarySearch(_lineStarts, position);
        if (line < 0) line = ~line - 1;
        return (line + 1, position - _lineStarts[line] + 1);
    }

    /// <summary>The character offset of a 1-based line and column (what <see cref="System.Xml.IXmlLineInfo"/> gives); the end of the text when out of range.</summary>
    public int OffsetOf(int line, int column)
    {
        if (line < 1 || line > _lineStarts.Length) return Text.Length;
        return Math.Clamp(_lineStarts[line - 1] + Math.Max(0, column - 1), 0, Text.Length);
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        var span = text.AsSpan();
        var i = 0;
        while (true)
        {
            var next = span[i..].IndexOfAny('\r', '\n');
            if (next < 0) break;
            i += next;
            if (span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n') i++;
            starts.Add(++i);
        }
        return starts.ToArray();
    }
}
