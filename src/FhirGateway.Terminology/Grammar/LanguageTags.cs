using System.Text.RegularExpressions;

namespace FhirGateway.Terminology.Grammar;

/// <summary>
/// BCP-47 language tags (urn:ietf:bcp:47), checked against the RFC 5646 §2.1 ABNF: language (with extended
/// subtags), script, region, variants, extensions, private use, and the grandfathered tags. Subtags are not
/// looked up in the IANA registry (not held offline), so a well-formed tag is accepted.
/// </summary>
public sealed partial class LanguageTags : ICodeGrammar
{
    public static readonly LanguageTags Instance = new();

    public string Name => "BCP-47 language tag";
    public bool CaseSensitive => false;

    public GrammarVerdict Check(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (LangTag().IsMatch(code) || PrivateUse().IsMatch(code) || Grandfathered().IsMatch(code)) return GrammarVerdict.Valid();
        return GrammarVerdict.Malformed(Explain(code));
    }

    private static string Explain(string code)
    {
        if (code.Length == 0) return "the tag is empty";
        if (code.Contains('_')) return "subtags are separated by '-', not '_'";
        if (code.Any(char.IsWhiteSpace)) return "a tag has no spaces";
        var first = code.Split('-')[0];
        if (first.Length is < 2 or > 8 || !first.All(char.IsAsciiLetter)) return $"the language subtag '{first}' must be 2 to 8 letters (e.g. en, de-CH, zh-Hant-TW)";
        return "it does not follow RFC 5646 (language[-script][-region][-variant][-extension][-x-private]), e.g. en, de-CH, zh-Hant-TW";
    }

    // langtag = language ["-" script] ["-" region] *("-" variant) *("-" extension) ["-" privateuse]
    [GeneratedRegex(@"^(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-[a-wyz0-9](?:-[a-z0-9]{2,8})+)*(?:-x(?:-[a-z0-9]{1,8})+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LangTag();

    [GeneratedRegex(@"^x(?:-[a-z0-9]{1,8})+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrivateUse();

    // RFC 5646 irregular and regular grandfathered tags.
    [GeneratedRegex(@"^(?:en-GB-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn|i-tao|i-tay|i-tsu|sgn-BE-FR|sgn-BE-NL|sgn-CH-DE|art-lojban|cel-gaulish|no-bok|no-nyn|zh-guoyu|zh-hakka|zh-min|zh-min-nan|zh-xiang)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Grandfathered();
}
