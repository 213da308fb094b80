using System.Text.RegularExpressions;

namespace FhirGateway.Mapping.Honesty;

/// <summary>One claim the programme's standard forbids: what it is called in an issue, and its pattern.</summary>
public sealed record ForbiddenClaim(string Name, string Pattern);

/// <summary>
/// The honesty rule of the programme (an adjunct to neurology care with modest goals): no text the clinic sends may
/// claim cure, reversal, halting progression, restoring lost function, regenerating neurons or extending life by
/// years. A claim inside a negation's scope is honest and allowed ("this is not a cure", "does not restore lost
/// function", "no evidence that MSCs regenerate neurons", "reversal is not expected"). The same two steps run in the
/// mapper (every string of every record and every text it writes) and, as FHIRPath, in the profiles' invariant
/// <c>clinic-honest-1</c> (<see cref="FhirPathOver"/>): remove negated claims, then look for a claim. Thread-safe.
/// </summary>
public static class ClaimRule
{
    private const string Word = "[a-z0-9'-]+";

    /// <summary>The forbidden claims, each a regular expression over lower-case text (portable: no look-behind).</summary>
    public static readonly IReadOnlyList<ForbiddenClaim> Claims =
    [
        new("cure", @"\bcur(e|es|ed|ing|ative)\b"),
        new("reversal", @"\brevers(e|es|ed|al|ing|ible)\b"),
        new("halting progression", $@"\b(halt|halts|halted|halting|stop|stops|stopped|stopping|arrest|arrests|arrested|arresting|end|ends|ending)( {Word}){{0,3}} (progression|progress|decline|the disease)\b"),
        new("restoring lost function", $@"\b(restor|regain|recover)[a-z]*( {Word}){{0,3}} (function|functions|strength|movement|mobility|speech|ability|abilities)\b"),
        new("regenerating neurons", $@"(\b(regenerat|regrow|rebuild|repair|replac)[a-z]*( {Word}){{0,3}} (neuron|neurons|motor neurons|nerve|nerves|nerve cells|myelin)\b|\b(neur|nerve)[a-z]*[ -]?regenerat[a-z]*)"),
        new("extending life by years", $@"(\b(extend|prolong|add|lengthen)[a-z]*( {Word}){{0,4}} (life|lives|lifespan|survival|life expectancy)( {Word}){{0,3}} years?\b|\b(extra|more|additional) years of (life|survival)\b|\b(add|adds|adding|gain|gains|gaining)( {Word}){{0,2}} years (to|of) (life|lives|lifespan|survival)\b)"),
    ];

    /// <summary>Any one of the claims.</summary>
    public static string ClaimPattern { get; } = "(" + string.Join("|", Claims.Select(c => c.Pattern)) + ")";

    /// <summary>A negation and the claim in its scope (at most three words between, no punctuation): removed before looking for claims.</summary>
    public static string NegatedBefore { get; } = $@"(\b(not|never|no|cannot|without|nor|neither|unlikely to|rather than|instead of)|n't)( {Word}){{0,3}}? {ClaimPattern}(,? (or|nor|and)( (a|an|the|as|to|in|of))? {ClaimPattern})*";

    /// <summary>A claim negated after it ("cure is not expected", "reversal is never promised").</summary>
    public static string NegatedAfter { get; } = $@"{ClaimPattern}( {Word}){{0,2}} (is|are|was|were|will be|would be|cannot be|can't be)( {Word})? (not|never|no)\b";

    private static readonly Regex Before = new(NegatedBefore, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1));
    private static readonly Regex After = new(NegatedAfter, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1));
    private static readonly Regex Any = new(ClaimPattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1));
    private static readonly Regex[] Each = [.. Claims.Select(c => new Regex(c.Pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1)))];
    private static readonly Regex Spaces = new(@"\s+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1));

    /// <summary>The first forbidden claim a text makes outside a negation's scope, with the words that make it; null when it makes none.</summary>
    public static (string Claim, string Words)? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = Spaces.Replace(text.ToLowerInvariant().Replace('\u2019', '\''), " ");
        var rest = After.Replace(Before.Replace(plain, " "), " ");
        var match = Any.Match(rest);
        if (!match.Success) return null;
        for (var i = 0; i < Each.Length; i++)
            if (Each[i].Match(match.Value) is { Success: true }) return (Claims[i].Name, match.Value.Trim());
        return ("a forbidden claim", match.Value.Trim());
    }

    /// <summary>
    /// The rule as a FHIRPath boolean over the strings <paramref name="texts"/> selects (for a profile invariant): true
    /// when none makes a forbidden claim. Patterns are written as FHIRPath string literals (backslashes doubled).
    /// </summary>
    public static string FhirPathOver(string texts) =>
        $"({texts}).all(lower().replace('\\u2019', '\\'').replaceMatches('\\\\s+', ' ').replaceMatches('{Literal(NegatedBefore)}', ' ').replaceMatches('{Literal(NegatedAfter)}', ' ').matches('{Literal(ClaimPattern)}').not())";

    private static string Literal(string pattern) => pattern.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("'", @"\'", StringComparison.Ordinal);
}
