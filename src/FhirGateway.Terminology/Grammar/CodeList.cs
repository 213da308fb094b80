using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace FhirGateway.Terminology.Grammar;

/// <summary>
/// A registry-based system (ISO 3166 countries, ISO 4217 currencies) checked by its code pattern and, where
/// the definitions enumerate the registry, by that list: listed is valid, well-formed but unlisted is undecided
/// (the registry moves on), anything else is malformed.
/// </summary>
public sealed class CodeList : ICodeGrammar
{
    private readonly Regex _pattern;
    private readonly string _patternText;
    private readonly FrozenDictionary<string, string?> _known;

    public CodeList(string name, string pattern, string patternText, IEnumerable<KeyValuePair<string, string?>> known)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        _pattern = new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant);
        _patternText = patternText;
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (code, display) in known) map.TryAdd(code, display);
        _known = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string Name { get; }
    public bool CaseSensitive => true;

    public int KnownCount => _known.Count;

    public GrammarVerdict Check(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (_known.TryGetValue(code, out var display)) return GrammarVerdict.Valid(display);
        return _pattern.IsMatch(code) ? GrammarVerdict.WellFormedOnly : GrammarVerdict.Malformed(_patternText);
    }
}
