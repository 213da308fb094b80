using System.Text.Json;

namespace FhirGateway.Fhir.Serialization.Json;

/// <summary>What a <see cref="JsonException"/> says, for people: its reason without System.Text.Json's 0-based position suffix, and that position 1-based.</summary>
public static class JsonErrorText
{
    /// <summary>The reason alone (<c>…reached end of data.</c>), without <c>LineNumber: 1 | BytePositionInLine: 0.</c>.</summary>
    public static string Reason(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd(' ', '|') : message;
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
