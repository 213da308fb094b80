using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Operators;

namespace FhirGateway.FhirPath.Functions;

/// <summary>String manipulation (spec §5.6, plus trim/split/join/encode/decode/escape/unescape of 2.1). Each takes a single string input.</summary>
internal static class StringFunctions
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static void Register(FunctionTable.Registry r)
    {
        r.Add("String.indexOf(String): Integer", true, static (f, a, in s) => a.String(0, s, "indexOf") is { } x ? [In(f, "indexOf").IndexOf(x, StringComparison.Ordinal)] : Items.Empty);
        r.Add("String.lastIndexOf(String): Integer", true, static (f, a, in s) => a.String(0, s, "lastIndexOf") is { } x ? [In(f, "lastIndexOf").LastIndexOf(x, StringComparison.Ordinal)] : Items.Empty);
        r.Add("String.substring(Integer, Integer?): String", true, Substring);
        r.Add("String.startsWith(String): Boolean", true, static (f, a, in s) => a.String(0, s, "startsWith") is { } x ? Items.Bool(In(f, "startsWith").StartsWith(x, StringComparison.Ordinal)) : Items.Empty);
        r.Add("String.endsWith(String): Boolean", true, static (f, a, in s) => a.String(0, s, "endsWith") is { } x ? Items.Bool(In(f, "endsWith").EndsWith(x, StringComparison.Ordinal)) : Items.Empty);
        r.Add("String.contains(String): Boolean", true, static (f, a, in s) => a.String(0, s, "contains") is { } x ? Items.Bool(In(f, "contains").Contains(x, StringComparison.Ordinal)) : Items.Empty);
        r.Add("String.upper(): String", true, static (f, _, in _) => [In(f, "upper").ToUpperInvariant()]);
        r.Add("String.lower(): String", true, static (f, _, in _) => [In(f, "lower").ToLowerInvariant()]);
        r.Add("String.replace(String, String): String", true, Replace);
        r.Add("String.matches(String): Boolean", true, static (f, a, in s) => a.String(0, s, "matches") is { } p ? Items.Bool(Timed(p, In(f, "matches"), t => Pattern(p, false).IsMatch(t))) : Items.Empty);
        r.Add("String.matchesFull(String): Boolean", true, static (f, a, in s) => a.String(0, s, "matchesFull") is { } p ? Items.Bool(Timed(p, In(f, "matchesFull"), t => Pattern(p, true).IsMatch(t))) : Items.Empty);
        r.Add("String.replaceMatches(String, String): String", true, ReplaceMatches);
        r.Add("String.length(): Integer", true, static (f, _, in _) => [In(f, "length").Length]);
        r.Add("String.toChars(): String", true, ToChars);
        r.Add("String.trim(): String", true, static (f, _, in _) => [In(f, "trim").Trim()]);
        r.Add("String.split(String): String", true, Split);
        r.Add("join(String?): String", false, Join);
        r.Add("String.encode(String): String", true, static (f, a, in s) => a.String(0, s, "encode") is { } e ? Items.Single(TextEncodings.Encode(In(f, "encode"), e)) : Items.Empty);
        r.Add("String.decode(String): String", true, static (f, a, in s) => a.String(0, s, "decode") is { } e ? Items.Single(TextEncodings.Decode(In(f, "decode"), e)) : Items.Empty);
        r.Add("String.escape(String): String", true, static (f, a, in s) => a.String(0, s, "escape") is { } e ? Items.Single(TextEncodings.Escape(In(f, "escape"), e)) : Items.Empty);
        r.Add("String.unescape(String): String", true, static (f, a, in s) => a.String(0, s, "unescape") is { } e ? Items.Single(TextEncodings.Unescape(In(f, "unescape"), e)) : Items.Empty);
    }

    /// <summary>The single string input; an error for several items or a non-string.</summary>
    private static string In(IReadOnlyList<object> focus, string name)
    {
        var item = Items.SingleOrNone(focus, name + "()")!;
        return Items.ToSystem(item) as string ?? throw new EvaluationError($"{name}() expects a string but got {Comparison.Describe(item)}");
    }

    /// <summary>Runs a regex on <paramref name="text"/>; one that runs out of its time (a huge or hostile string) is an evaluation error, not an exception that escapes.</summary>
    private static T Timed<T>(string pattern, string text, Func<string, T> match)
    {
        try
        {
            return match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new EvaluationError($"The regular expression '{pattern}' took too long on a string of {text.Length} characters");
        }
    }

    /// <summary>Regexes are compiled once per pattern text; matches() is a partial match, matchesFull() anchored; '.' matches newlines.</summary>
    private static Regex Pattern(string pattern, bool full)
    {
        var key = full ? "F" + pattern : "P" + pattern;
        return Patterns.GetOrAdd(key, _ =>
        {
            try
            {
                return new Regex(full ? $"^(?:{pattern})$" : pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
            }
            catch (ArgumentException e)
            {
                throw new EvaluationError($"Invalid regular expression '{pattern}': {e.Message}");
            }
        });
    }

    private static IReadOnlyList<object> Substring(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var s = In(focus, "substring");
        if (args.Integer(0, scope, "substring") is not { } start || start < 0 || start >= s.Length) return Items.Empty;
        if (args.Count < 2) return [s[start..]];
        if (args.Integer(1, scope, "substring") is not { } length) return [s[start..]];
        if (length <= 0) return [""];
        return [s.Substring(start, Math.Min(length, s.Length - start))];
    }

    private static IReadOnlyList<object> Replace(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var s = In(focus, "replace");
        if (args.String(0, scope, "replace") is not { } pattern || args.String(1, scope, "replace") is not { } substitution) return Items.Empty;
        if (pattern.Length > 0) return [s.Replace(pattern, substitution, StringComparison.Ordinal)];
        var sb = new StringBuilder(substitution);
        foreach (var c in s) sb.Append(c).Append(substitution);
        return [sb.ToString()];
    }

    private static IReadOnlyList<object> ReplaceMatches(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var s = In(focus, "replaceMatches");
        if (args.String(0, scope, "replaceMatches") is not { } pattern || args.String(1, scope, "replaceMatches") is not { } substitution) return Items.Empty;
        if (pattern.Length == 0) return [s];
        return [Timed(pattern, s, t => Pattern(pattern, false).Replace(t, substitution))];
    }

    private static IReadOnlyList<object> ToChars(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var s = In(focus, "toChars");
        var result = new object[s.Length];
        for (var i = 0; i < s.Length; i++) result[i] = s[i].ToString();
        return result;
    }

    private static IReadOnlyList<object> Split(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var s = In(focus, "split");
        if (args.String(0, scope, "split") is not { } separator) return Items.Empty;
        var parts = separator.Length == 0 ? [s] : s.Split(separator);
        return parts;
    }

    private static IReadOnlyList<object> Join(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        if (focus.Count == 0) return Items.Empty;
        var separator = args.Count > 0 ? args.String(0, scope, "join") ?? "" : "";
        var sb = new StringBuilder();
        for (var i = 0; i < focus.Count; i++)
        {
            if (i > 0) sb.Append(separator);
            sb.Append(Items.ToSystem(focus[i]) as string ?? throw new EvaluationError("join() expects strings"));
        }
        return [sb.ToString()];
    }
}
