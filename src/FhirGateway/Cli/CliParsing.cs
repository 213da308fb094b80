using System.CommandLine;
using System.CommandLine.Parsing;

namespace FhirGateway.Cli;

/// <summary>
/// How fhirgw reads its command line beyond System.CommandLine's defaults: no response files (<c>@</c> starts FHIRPath
/// date literals), unknown options refused by name even where a command takes file names, usage errors as one sentence
/// each naming the command, and the nearest command suggested for a mistyped one.
/// </summary>
internal static class CliParsing
{
    public static ParserConfiguration Configuration => new() { ResponseFileTokenReplacer = null };

    /// <summary>The usage errors of a parse, each a sentence that names the command; empty when the line is good.</summary>
    public static IReadOnlyList<string> Errors(RootCommand root, ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(result);
        var command = result.CommandResult.Command;
        var name = CommandPath(result.CommandResult);
        var errors = new List<string>();
        var options = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).ToList();
        // an option-like token taken as a file name: unknown to this command (after "--" anything is a value)
        var verbatim = result.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var token in ArgumentTokens(result.CommandResult).Where(t => LooksLikeOption(t) && !verbatim.Contains(t)))
            errors.Add($"{name}: unknown option {token}{Nearest(token, options)} ({Help(name)} lists the options).");
        foreach (var token in result.UnmatchedTokens)
        {
            if (LooksLikeOption(token)) errors.Add($"{name}: unknown option {token}{Nearest(token, options)} ({Help(name)} lists the options).");
            else if (command.Subcommands.Count > 0 && command.Arguments.Count == 0)
            {
                errors.Add($"{name}: unknown command '{token}'{Nearest(token, command.Subcommands.Select(c => c.Name))} ({Help(name)} lists the commands).");
                break;
            }
            else errors.Add($"{name}: unexpected argument '{token}' ({Help(name)} shows the usage).");
        }
        if (errors.Count > 0) return errors;
        foreach (var e in result.Errors) errors.Add($"{name}: {Sentence(e.Message)}");
        return errors;
    }

    private static IEnumerable<string> ArgumentTokens(CommandResult command)
    {
        foreach (var child in command.Children.OfType<ArgumentResult>())
            foreach (var token in child.Tokens)
                yield return token.Value;
    }

    /// <summary><c>--name</c> or <c>-x</c>: not <c>-</c> alone, not a negative number or an expression such as <c>-1 + 2</c>.</summary>
    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && (char.IsAsciiLetter(token[1]) || (token[1] == '-' && token.Length > 2 && char.IsAsciiLetter(token[2])));

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? at = command; at is not null; at = at.Parent)
            if (at is CommandResult c) names.Insert(0, c.Command is RootCommand ? "fhirgw" : c.Command.Name);
        return string.Join(' ', names);
    }

    private static string Help(string command) => $"{command} --help";

    private static string Sentence(string message)
    {
        var text = message.Trim();
        if (text.Length > 0 && char.IsUpper(text[0]) && !(text.Length > 1 && char.IsUpper(text[1]))) text = char.ToLowerInvariant(text[0]) + text[1..];
        return text.EndsWith('.') ? text : text + ".";
    }

    /// <summary><c>; did you mean 'validate'?</c> for the closest candidate within a third of the word's length, else nothing.</summary>
    public static string Nearest(string given, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(given);
        var word = given.TrimStart('-');
        var best = candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(word, c.TrimStart('-'))))
            .Where(c => c.Distance <= Math.Max(1, (word.Length + 2) / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is null ? "" : $"; did you mean {best.Name}?";
    }

    /// <summary>Levenshtein distance, case-insensitive.</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
