using System.Text;

namespace FhirGateway.Fhir.Serialization.Xml;

/// <summary>
/// Turns the bytes of an XML document into text as XML 1.0 (appendix F) says: a byte order mark (UTF-8,
/// UTF-16) decides, else the encoding named by the XML declaration, else UTF-8. Decoding is strict: a byte
/// sequence that is not valid in the encoding is an error, never a silent replacement character.
/// </summary>
internal static class XmlTextDecoder
{
    /// <summary>The text, or null with the reason when the bytes cannot be decoded.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? error)
    {
        error = null;
        Encoding encoding;
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
            encoding = Strict("utf-8")!;
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            bytes = bytes[2..];
            encoding = Strict("utf-16")!;
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            bytes = bytes[2..];
            encoding = Strict("utf-16BE")!;
        }
        else
        {
            var declared = DeclaredEncoding(bytes) ?? "utf-8";
            var found = Strict(declared);
            if (found is null)
            {
                error = $"the XML declaration names the encoding '{declared}', which is not supported (use UTF-8)";
                return null;
            }
            encoding = found;
        }
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            error = $"the bytes are not valid {encoding.WebName}" + (e.Index >= 0 ? $" (near byte {e.Index})" : "");
            return null;
        }
    }

    private static Encoding? Strict(string name)
    {
        try
        {
            return Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The <c>encoding</c> of a leading <c>&lt;?xml … ?&gt;</c> declaration (read as ASCII), or null.</summary>
    private static string? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.StartsWith("<?xml"u8)) return null;
        var end = bytes.IndexOf("?>"u8);
        if (end < 0) return null;
        var declaration = Encoding.ASCII.GetString(bytes[..end]);
        var at = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = declaration.AsSpan(at + "encoding".Length).TrimStart();
        if (rest.Length == 0 || rest[0] != '=') return null;
        rest = rest[1..].TrimStart();
        if (rest.Length == 0 || rest[0] is not ('"' or '\'')) return null;
        var close = rest[1..].IndexOf(rest[0]);
        return close < 0 ? null : rest.Slice(1, close).ToString();
    }
}
