using System.Text;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization;

/// <summary>
/// UTF-8 text whose position keys are byte offsets. The table of line starts is built once, on the first
/// request for a line and column, and shared by all threads after that.
/// </summary>
public sealed class Utf8SourceDocument : ISourceDocument
{
    private readonly ReadOnlyMemory<byte> _text;
    private readonly Lazy<int[]> _lineStarts;

    public Utf8SourceDocument(ReadOnlyMemory<byte> text, string? origin)
    {
        _text = text;
        Origin = origin;
        _lineStarts = new Lazy<int[]>(BuildLineStarts, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string? Origin { get; }

    public ReadOnlyMemory<byte> Text => _text;

    /// <summary>The 1-based line and column (counted in characters) of a byte offset.</summary>
    public (int Line, int Column) Resolve(int position)
    {
        if (position < 0) return (0, 0);
        if (position > _text.Length) position = _text.Length;
        var starts = _lineStarts.Value;
        var line = Array.BinarySearch(starts, position);
        if (line < 0) line = ~line - 1;
        var column = Encoding.UTF8.GetCharCount(_text.Span[starts[line]..position]) + 1;
        return (line + 1, column);
    }

    /// <summary>The byte offset of a 0-based line and a byte position in that line (what <c>JsonException</c> reports).</summary>
    public int OffsetOf(long line, long bytePositionInLine)
    {
        var starts = _lineStarts.Value;
        if (line < 0 || line >= starts.Length) return _text.Length;
        return (int)Math.Min(_text.Length, starts[line] + Math.Max(0, bytePositionInLine));
    }

    private int[] BuildLineStarts()
    {
        var span = _text.Span;
        var starts = new List<int> { 0 };
        var offset = 0;
        while (true)
        {
            var next = span[offset..].IndexOf((byte)'\n');
            if (next < 0) break;
            offset += next + 1;
            starts.Add(offset);
        }
        return starts.ToArray();
    }
}
