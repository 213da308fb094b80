using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FhirGateway.Fhir.Definitions.Json;

/// <summary>
/// Small typed reads over a <see cref="Utf8JsonReader"/> positioned on a property name: each reads the
/// property's value and leaves the reader on its last token. Malformed definitions throw
/// <see cref="DefinitionFormatException"/>.
/// </summary>
internal static class JsonRead
{
    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads a string value; short ones come from the <see cref="StringPool"/>, as definitions repeat them across elements and structures.</summary>
    public static string String(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.String) throw Unexpected(ref r, "a string");
        return StringPool.Get(ref r);
    }

    public static bool Bool(ref Utf8JsonReader r)
    {
        r.Read();
        return r.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Unexpected(ref r, "a boolean"),
        };
    }

    public static int Int(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out var v)) throw Unexpected(ref r, "an integer");
        return v;
    }

    public static string[] Strings(ref Utf8JsonReader r)
    {
        var list = new List<string>(2);
        StartArray(ref r);
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.String) throw Unexpected(ref r, "a string");
            list.Add(StringPool.Get(ref r));
        }
        return list.Count == 0 ? [] : list.ToArray();
    }

    /// <summary>Reads the next token, which must start an array.</summary>
    public static void StartArray(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartArray) throw Unexpected(ref r, "an array");
    }

    /// <summary>Moves to the next array item, which must be an object; false at the end of the array.</summary>
    public static bool NextObject(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.EndArray) return false;
        if (r.TokenType != JsonTokenType.StartObject) throw Unexpected(ref r, "an object");
        return true;
    }

    /// <summary>Reads the next token, which must start an object.</summary>
    public static void StartObject(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject) throw Unexpected(ref r, "an object");
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader r)
    {
        r.Read();
        return r.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Skips the value of the property the reader is on.</summary>
    public static void SkipValue(ref Utf8JsonReader r)
    {
        r.Read();
        r.Skip();
    }

    /// <summary>
    /// Reads a value[x]-style property into a <see cref="FhirValue"/>: the type is the name's suffix after
    /// <paramref name="prefixLength"/> bytes, decapitalised for primitives (<c>fixedUri</c> gives <c>uri</c>),
    /// the JSON text compact and exact (numbers keep their digits).
    /// </summary>
    public static FhirValue Value(ref Utf8JsonReader r, int prefixLength)
    {
        var suffix = Encoding.UTF8.GetString(r.ValueSpan[prefixLength..]);
        return new FhirValue(TypeCodeFromSuffix(suffix), RawValue(ref r));
    }

    /// <summary>FHIR primitive type codes start lower case; complex ones keep their capital.</summary>
    public static string TypeCodeFromSuffix(string suffix)
    {
        if (suffix.Length == 0) return suffix;
        var lower = char.ToLowerInvariant(suffix[0]) + suffix[1..];
        return PrimitiveTypeCodes.Contains(lower) ? lower : suffix;
    }

    private static readonly HashSet<string> PrimitiveTypeCodes = new(StringComparer.Ordinal)
    {
        "base64Binary", "boolean", "canonical", "code", "date", "dateTime", "decimal", "id", "instant", "integer",
        "markdown", "oid", "positiveInt", "string", "time", "unsignedInt", "uri", "url", "uuid", "xhtml", "integer64",
    };

    /// <summary>Reads the property's value and returns its compact JSON text.</summary>
    public static string RawValue(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            using var doc = JsonDocument.ParseValue(ref r);
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer, CompactWriter)) doc.RootElement.WriteTo(w);
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        if (r.TokenType == JsonTokenType.String)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer, CompactWriter)) w.WriteStringValue(r.GetString());
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        return Encoding.UTF8.GetString(r.ValueSpan);
    }

    public static DefinitionFormatException Unexpected(ref Utf8JsonReader r, string expected) =>
        new($"expected {expected}, found {Describe(r.TokenType)} at byte {r.TokenStartIndex}") { Position = r.TokenStartIndex };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.Null => "null",
        JsonTokenType.EndArray => "the end of an array",
        JsonTokenType.EndObject => "the end of an object",
        _ => "a property name",
    };

    /// <summary>The name of the property whose value starts at <paramref name="position"/> (<c>"abstract": "false"</c> → abstract), or null.</summary>
    public static string? PropertyBefore(ReadOnlySpan<byte> json, long position)
    {
        var i = (int)Math.Min(position, json.Length) - 1;
        while (i >= 0 && json[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i--;
        if (i < 0 || json[i] != (byte)':') return null;
        i--;
        while (i >= 0 && json[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i--;
        if (i < 0 || json[i] != (byte)'"') return null;
        var end = i;
        i--;
        while (i >= 0 && json[i] != (byte)'"') i--;
        return i < 0 ? null : Encoding.UTF8.GetString(json[(i + 1)..end]);
    }
}
