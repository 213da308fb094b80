using System.Collections.Concurrent;
using System.Text.Json;

namespace FhirGateway.Fhir.Definitions.Json;

/// <summary>
/// Shares the strings that definitions repeat thousands of times (paths, type codes, constraint texts and
/// expressions, profile URLs, shorts): a value already seen is returned as the same instance without
/// allocating. Process-wide and thread-safe; it only grows with the definitions read, which live as long.
/// </summary>
internal static class StringPool
{
    private const int MaxPooledLength = 512;
    /// <summary>Sized for the R4 core (about 124,000 distinct strings once every definition is read), so that it does not grow table by table while core loads.</summary>
    private const int InitialCapacity = 1 << 17;

    private static readonly ConcurrentDictionary<string, string> Pool = new(Environment.ProcessorCount, InitialCapacity, StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string value of the current token, pooled.</summary>
    public static string Get(ref Utf8JsonReader r)
    {
        var length = r.HasValueSequence ? r.ValueSequence.Length : r.ValueSpan.Length;
        if (length > MaxPooledLength) return r.GetString()!;
        // A UTF-8 value never has more UTF-16 characters than bytes, so a buffer of its byte length suffices
        // (sized to the value: a fixed 512-character buffer costs a 1 KB clear on every call).
        Span<char> buffer = stackalloc char[(int)length];
        var chars = buffer[..r.CopyString(buffer)];
        if (Lookup.TryGetValue(chars, out var pooled)) return pooled;
        var s = new string(chars);
        return Pool.GetOrAdd(s, s);
    }
}
