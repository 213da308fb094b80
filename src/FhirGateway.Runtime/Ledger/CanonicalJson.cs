using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.Runtime.Ledger;

/// <summary>
/// Canonical JSON for hashing: object properties sorted by name (ordinal), no white space, numbers as written,
/// strings re-escaped one way. Two texts that differ only in layout or property order hash the same.
/// </summary>
public static class CanonicalJson
{
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    /// <summary>
    /// <c>sha256:</c> and the hex SHA-256 of the canonical bytes; bytes that are not JSON, or whose strings are not valid
    /// text (<see cref="JsonInputGuard"/>), are hashed as they are. Never throws for bad input.
    /// </summary>
    public static string Hash(ReadOnlyMemory<byte> json)
    {
        var canonical = JsonInputGuard.HasValidStrings(json.Span) ? Canonicalize(json) : json.ToArray();
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    public static byte[] Canonicalize(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 257 });
        var buffer = new ArrayBufferWriter<byte>(json.Length);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) Write(document.RootElement, w);
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(JsonElement e, Utf8JsonWriter w)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    w.WritePropertyName(p.Name);
                    Write(p.Value, w);
                }
                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in e.EnumerateArray()) Write(item, w);
                w.WriteEndArray();
                break;
            case JsonValueKind.String:
                w.WriteStringValue(e.GetString());
                break;
            case JsonValueKind.Number:
                w.WriteRawValue(e.GetRawText(), skipInputValidation: true);
                break;
            case JsonValueKind.True:
                w.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                w.WriteBooleanValue(false);
                break;
            default:
                w.WriteNullValue();
                break;
        }
    }
}
