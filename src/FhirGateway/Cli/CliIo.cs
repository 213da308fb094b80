using System.Text.RegularExpressions;

namespace FhirGateway.Cli;

/// <summary>
/// File problems in the words of the command line rather than .NET's: a folder given where a file is wanted, a file
/// that does not exist, permission denied; byte offsets in messages turned into line and column.
/// </summary>
internal static partial class CliIo
{
    public static bool IsIoError(Exception e) => e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;

    /// <summary>Why <paramref name="path"/> could not be read or written, as the end of a sentence.</summary>
    public static string Describe(string path, Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (Directory.Exists(path)) return "it is a folder, not a file";
        return e switch
        {
            FileNotFoundException => "the file does not exist",
            DirectoryNotFoundException => "its folder does not exist",
            UnauthorizedAccessException => "permission denied",
            PathTooLongException => "the path is too long",
            ArgumentException or NotSupportedException => "it is not a valid path",
            IOException io when io.HResult == 28 || io.Message.Contains("space", StringComparison.OrdinalIgnoreCase) => "the disk is full",
            _ => "it is in use or the device failed",
        };
    }

    /// <summary>Replaces <c>at byte N</c> in a message by <c>at line L, column C</c> of <paramref name="bytes"/>.</summary>
    public static string WithLineAndColumn(string message, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = ByteOffset().Match(message);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var offset) || offset > bytes.Length) return message;
        int line = 1, column = 1;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n') (line, column) = (line + 1, 1);
            else if ((bytes[i] & 0xC0) != 0x80) column++;
        }
        return message[..match.Index] + $"at line {line}, column {column}" + message[(match.Index + match.Length)..];
    }

    [GeneratedRegex(@"at byte (\d+)")]
    private static partial Regex ByteOffset();
}
