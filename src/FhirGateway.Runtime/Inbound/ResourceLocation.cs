namespace FhirGateway.Runtime.Inbound;

/// <summary>Reads <c>Type/id</c>, <c>Type/id/_history/version</c> and their absolute forms (<c>[base]/Type/id…</c>).</summary>
public static class ResourceLocation
{
    public static bool TryParse(string? text, out string type, out string id, out string? version)
    {
        type = id = "";
        version = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var end = text.IndexOfAny(['?', '#']);
        var segments = (end < 0 ? text : text[..end]).Trim().TrimEnd('/').Split('/');
        var history = Array.LastIndexOf(segments, "_history");
        int at;
        if (history >= 2)
        {
            at = history - 2;
            if (history + 1 < segments.Length) version = segments[history + 1];
            if (version is not null && !IsId(version)) return false;
        }
        else if (segments.Length >= 2) at = segments.Length - 2;
        else return false;
        (type, id) = (segments[at], segments[at + 1]);
        return IsTypeName(type) && IsId(id);
    }

    /// <summary>The FHIR id rule: 1 to 64 of letters, digits, '-' and '.'.</summary>
    public static bool IsId(string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.');

    private static bool IsTypeName(string value) =>
        value.Length > 0 && char.IsAsciiLetterUpper(value[0]) && value.All(char.IsAsciiLetter);
}
