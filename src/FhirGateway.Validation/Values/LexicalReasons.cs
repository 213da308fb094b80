namespace FhirGateway.Validation.Values;

/// <summary>
/// Why a value fails its type's lexical rule, in words, for the forms people get wrong most (an id too long or with
/// characters ids cannot hold, a time without its zone, surrounding white space); empty when nothing more specific
/// than "does not match the type's pattern" can be said.
/// </summary>
internal static class LexicalReasons
{
    private const int MaxIdLength = 64;

    public static string Explain(string typeName, string text)
    {
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) && typeName is not ("string" or "markdown"))
            return ": it has leading or trailing white space";
        return typeName switch
        {
            "id" => IdReason(text),
            "dateTime" or "instant" => DateTimeReason(text, typeName),
            _ => "",
        };
    }

    private static string IdReason(string text)
    {
        if (text.Length > MaxIdLength) return $": an id is at most {MaxIdLength} characters, this one has {text.Length}";
        foreach (var c in text)
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '.')
                return $": an id holds only letters, digits, '-' and '.', not '{c}'";
        return text.Length == 0 ? ": an id is not empty" : "";
    }

    private static string DateTimeReason(string text, string typeName)
    {
        var t = text.IndexOf('T', StringComparison.Ordinal);
        if (t < 0) return typeName == "instant" ? ": an instant gives the date, a time and a time zone" : "";
        var time = text[(t + 1)..];
        var zoned = time.EndsWith('Z') || time.Contains('+', StringComparison.Ordinal) || time.Contains('-', StringComparison.Ordinal);
        if (!zoned) return $": a {typeName} with a time must give its time zone (Z or ±hh:mm)";
        return time.Length >= 2 && time[2] != ':' ? ": a time is written hh:mm:ss" : "";
    }
}
