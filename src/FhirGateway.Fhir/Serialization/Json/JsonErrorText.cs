using System.Text.Json;

namespace FhirGateway.Fhir.Serialization.Json;

/// <summary>What a <see cref="JsonException"/> says, for people: its reason without System.Text.Json's 0-based position suffix, and that position 1-based.</summary>
public static class JsonErrorText
{
    /// <summary>The reason alone (<c>…reached end of data.</c>), without <c>LineNumber: 1 | BytePositionInLine: 0.</c>.</summary>
    /// <remarks>Reasons that speak of the reader's API (<c>isFinalBlock</c>, "Change the reader options") are said in the file's terms.</remarks>
    public static string Reason(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = cut > 0 ? message[..cut].TrimEnd(' ', '|') : message;
        if (reason.Contains("isFinalBlock", StringComparison.Ordinal) || reason.Contains("end of the JSON payload", StringComparison.Ordinal)
            || reason.Contains("open JSON object or array", StringComparison.Ordinal) || reason.Contains("reached end of data", StringComparison.Ordinal))
            return "the text ends before the JSON is complete (an object, array or string is not closed).";
        if (reason.Contains("reader options", StringComparison.Ordinal))
            return reason.Contains("omment", StringComparison.Ordinal) ? "comments are not allowed in JSON." : "trailing commas are not allowed in JSON.";
        if (reason.Contains("invalid start of a value", StringComparison.Ordinal))
            return reason[..(reason.IndexOf(" is an invalid start", StringComparison.Ordinal))] + " cannot start a value (a string in double quotes, a number, true, false, null, an object or an array is expected).";
        return reason;
    }

    /// <summary>The 1-based line and column (in bytes from the line start) where the reader stopped; (0, 0) when unknown.</summary>
    public static (int Line, int Column) Position(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.LineNumber is { } line ? ((int)line + 1, (int)(e.BytePositionInLine ?? 0) + 1) : (0, 0);
    }

    /// <summary>The reason with its 1-based position: <c>'x' is an invalid start of a value. (line 2, column 14)</c>.</summary>
    public static string Describe(JsonException e)
    {
        var (line, column) = Position(e);
        return line > 0 ? $"{Reason(e)} (line {line}, column {column})" : Reason(e);
    }
}
