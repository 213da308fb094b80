using System.Text;
using System.Text.RegularExpressions;

namespace FhirGateway.Cli.Tests.Readme;

/// <summary>A <c>fhirgw …</c> line of the README: where it is, its arguments, and why it is not run (a usage synopsis), if so.</summary>
public sealed record ReadmeCommand(int Line, string Text, IReadOnlyList<string> Args, string? Skip);

/// <summary>
/// Reads the commands out of the README's <c>sh</c> code blocks: each line that starts with <c>fhirgw </c>, without its
/// trailing <c># comment</c>, split as a shell would (single and double quotes). Lines written as synopses (<c>[…]</c>,
/// <c>|</c>, <c>…</c>, or an upper-case placeholder such as <c>URL</c> or <c>FILE</c>) and <c>run</c> (it serves until stopped) are kept with the reason they are not run.
/// </summary>
public static partial class ReadmeCommands
{
    public static IReadOnlyList<ReadmeCommand> Extract(string readme)
    {
        ArgumentNullException.ThrowIfNull(readme);
        var commands = new List<ReadmeCommand>();
        var inShell = false;
        var lines = readme.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = !inShell && line is "```sh" or "```bash" or "```shell";
                continue;
            }
            if (!inShell || !line.StartsWith("fhirgw ", StringComparison.Ordinal)) continue;
            var text = WithoutComment(line);
            var args = Split(text)[1..];
            commands.Add(new ReadmeCommand(i + 1, text, args, SkipReason(args)));
        }
        return commands;
    }

    private static string? SkipReason(IReadOnlyList<string> args)
    {
        if (args.Count > 0 && args[0] == "run") return "serves until stopped";
        var placeholder = args.FirstOrDefault(a => a.Contains('[', StringComparison.Ordinal) || a.Contains(']', StringComparison.Ordinal) || a == "|"
            || a.Contains('…', StringComparison.Ordinal) || Placeholder().IsMatch(a));
        return placeholder is null ? null : $"a usage synopsis ({placeholder})";
    }

    /// <summary>The line up to an unquoted <c> #</c>.</summary>
    private static string WithoutComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is not null) { if (c == quote) quote = null; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '#' && i > 0 && char.IsWhiteSpace(line[i - 1])) return line[..i].TrimEnd();
        }
        return line.TrimEnd();
    }

    /// <summary>Words as a POSIX shell splits them (quotes removed; no variables or escapes, which the README does not use).</summary>
    public static string[] Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                if (c == quote) quote = null;
                else word.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord) words.Add(word.ToString());
        return [.. words];
    }

    [GeneratedRegex("^(--[a-z-]+=)?[A-Z][A-Z_]+$")]
    private static partial Regex Placeholder();
}
