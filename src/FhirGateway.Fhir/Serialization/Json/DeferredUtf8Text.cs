using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Json;

/// <summary>
/// A very long JSON string value without escapes, kept as its UTF-8 bytes in the source until first read (see
/// <see cref="DeferredText"/>). The tree already holds the source for line and column, so nothing more is retained.
/// </summary>
internal sealed class DeferredUtf8Text : DeferredText
{
    /// <summary>Values from this many bytes are deferred: far above ordinary FHIR strings, below the large object heap's threshold.</summary>
    public const int MinimumBytes = 16 * 1024;

    private readonly ReadOnlyMemory<byte> _utf8;

    private DeferredUtf8Text(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    /// <summary>
    /// The current string token of <paramref name="r"/> (read over <paramref name="source"/>) as a deferred value, or null
    /// when it is short, escaped or not valid UTF-8 (those are read at once, where a bad one is reported).
    /// </summary>
    public static DeferredUtf8Text? TryDefer(ref Utf8JsonReader r, ReadOnlyMemory<byte> source)
    {
        if (r.ValueIsEscaped || r.HasValueSequence || r.ValueSpan.Length < MinimumBytes) return null;
        if (!Utf8.IsValid(r.ValueSpan)) return null;
        var start = checked((int)r.TokenStartIndex) + 1; // past the opening quote
        return new DeferredUtf8Text(source.Slice(start, r.ValueSpan.Length));
    }

    public override string Decode() => Encoding.UTF8.GetString(_utf8.Span);
}
