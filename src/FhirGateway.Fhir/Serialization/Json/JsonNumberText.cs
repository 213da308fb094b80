namespace FhirGateway.Fhir.Serialization.Json;

/// <summary>Checks that a lexical value is a JSON number (RFC 8259 section 6), so it can be written raw, digit for digit.</summary>
internal static class JsonNumberText
{
    public static bool IsValid(string text)
    {
        var i = 0;
        var n = text.Length;
        if (i < n && text[i] == '-') i++;
        if (i >= n) return false;
        if (text[i] == '0') i++;
        else if (!Digits(text, ref i)) return false;
        if (i < n && text[i] == '.')
        {
            i++;
            if (!Digits(text, ref i)) return false;
        }
        if (i < n && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < n && (text[i] == '+' || text[i] == '-')) i++;
            if (!Digits(text, ref i)) return false;
        }
        return i == n;
    }

    private static bool Digits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        return i > start;
    }
}
