namespace FhirGateway.Fhir.Serialization;

/// <summary>The two wire formats of FHIR R4 resources.</summary>
public enum FhirFormat
{
    Json,
    Xml,
}

public static class FhirFormats
{
    /// <summary>
    /// The format of a text by its content: XML when the first character that is not whitespace (after a byte
    /// order mark) is <c>&lt;</c>, or when the text is UTF-16 (FHIR JSON is UTF-8); JSON when it is <c>{</c>; otherwise
    /// by the file extension of <paramref name="path"/> (<c>.xml</c>), JSON when nothing says.
    /// </summary>
    public static FhirFormat Detect(ReadOnlySpan<byte> content, string? path = null)
    {
        if (content.StartsWith("\uFEFF"u8)) content = content[3..];
        else if (content.Length >= 2 && (content[0], content[1]) is (0xFF, 0xFE) or (0xFE, 0xFF)) return FhirFormat.Xml;
        foreach (var b in content)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            if (b == (byte)'<') return FhirFormat.Xml;
            if (b == (byte)'{') return FhirFormat.Json;
            break;
        }
        return FromPath(path) ?? FhirFormat.Json;
    }

    /// <summary>The format a file name's extension names (<c>.xml</c>, <c>.json</c>), or null.</summary>
    public static FhirFormat? FromPath(string? path) =>
        path is null ? null
        : path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? FhirFormat.Xml
        : path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? FhirFormat.Json
        : null;

    /// <summary>The format named on a command line (<c>json</c>, <c>xml</c>, any case), or null.</summary>
    public static FhirFormat? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "json" => FhirFormat.Json,
        "xml" => FhirFormat.Xml,
        _ => null,
    };

    /// <summary>The usual file extension: <c>.json</c> or <c>.xml</c>.</summary>
    public static string Extension(this FhirFormat format) => format == FhirFormat.Xml ? ".xml" : ".json";
}
