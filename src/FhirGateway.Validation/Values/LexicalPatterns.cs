using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace FhirGateway.Validation.Values;

/// <summary>
/// The regexes of the definitions (a primitive's lexical rule, ElementDefinition regex extensions) compiled once
/// each, anchored to the whole value. A pattern within what .NET's non-backtracking engine reads (all of XML Schema's
/// regular expressions, so every core lexical rule) runs there: its matching time is linear in the value, so it needs
/// no timeout and its verdict cannot depend on the machine's load. Only a pattern with constructs that engine lacks
/// (backreferences, lookarounds, atomic groups: none of XML Schema's) runs on the backtracking engine, with a match
/// timeout so that no pattern and input can make validation hang (<see cref="IsMatch"/> treats a timeout as
/// "cannot tell"). Thread-safe.
/// </summary>
internal static class LexicalPatterns
{
    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Regex> Patient = new(StringComparer.Ordinal);
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RetryTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether the value matches; null when the match ran out of time twice. The timeout is wall-clock time, so on a
    /// loaded machine an ordinary match can be descheduled past it: a timed-out match is tried once more with a far
    /// longer limit before it counts as "cannot tell", so that a verdict does not depend on the machine's load.
    /// </summary>
    public static bool? IsMatch(Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            try
            {
                return Patient.GetOrAdd(pattern.ToString(), static (p, options) => new Regex(p, options, RetryTimeout), pattern.Options).IsMatch(value);
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }
    }

    /// <summary>The whole-value regex for a pattern as the definitions write it, or null when .NET cannot compile it.</summary>
    public static Regex? For(string pattern) => Cache.GetOrAdd(pattern, static p =>
    {
        var whole = $@"\A(?:{FromXmlSchema(p)})\z";
        try
        {
            return new Regex(whole, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
        }
        catch (NotSupportedException)
        {
            return Backtracking(whole);
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    private static Regex? Backtracking(string whole)
    {
        try
        {
            return new Regex(whole, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The pattern with XML Schema's white-space escapes, which mean only space, tab, CR and LF, spelled out
    /// for .NET, where <c>\s</c> also matches other Unicode spaces (so a no-break space would fail <c>[ \r\n\t\S]+</c>).
    /// </summary>
    internal static string FromXmlSchema(string pattern)
    {
        const string space = @"\t\n\r\x20";
        const string nonSpace = @"\x00-\x08\x0B\x0C\x0E-\x1F\x21-\uFFFF";
        var sb = new System.Text.StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                sb.Append(next switch
                {
                    's' => inClass ? space : $"[{space}]",
                    'S' => inClass ? nonSpace : $"[{nonSpace}]",
                    _ => $"\\{next}",
                });
                continue;
            }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
