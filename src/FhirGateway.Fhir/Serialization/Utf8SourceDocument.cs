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
    private Resolved? _last;

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
        // Columns count characters from the line start; on one long line (minified JSON) positions asked in
        // document order continue from the previous answer instead of counting the whole line again.
        var from = starts[line];
        var column = 1;
        if (_last is { } last && last.Line == line && last.Position <= position)
        {
            from = last.Position;
            column = last.Column;
        }
        column += Encoding.UTF8.GetCharCount(_text.Span[from..position]);
        _last = new Resolved(line, position, column);
        return (line + 1, column);
    }

    /// <summary>The last position resolved (immutable, so threads that race on it each see a consistent one).</summary>
    private sealed record Resolved(int Line, int Position, int Column);

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
