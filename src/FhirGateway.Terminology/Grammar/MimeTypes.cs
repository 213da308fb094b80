using System.Text.RegularExpressions;

namespace FhirGateway.Terminology.Grammar;

/// <summary>
/// MIME types (urn:ietf:bcp:13): <c>type/subtype</c> with optional <c>; name=value</c> parameters, per RFC 6838
/// §4.2 (restricted names) and RFC 2045 (parameters); the top-level type must be a registered one (or <c>x-</c>).
/// Subtypes are not looked up in the IANA registry, so a well-formed type is accepted.
/// </summary>
public sealed partial class MimeTypes : ICodeGrammar
{
    public static readonly MimeTypes Instance = new();

    private static readonly HashSet<string> TopLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        "application", "audio", "example", "font", "haptics", "image", "message", "model", "multipart", "text", "video",
    };

    /// <summary>STU3's content-type codes (xml | json | ttl), which R4 TestScript examples still carry as MIME types.</summary>
    private static readonly HashSet<string> FormatShorthands = new(StringComparer.Ordinal) { "xml", "json", "ttl" };

    public string Name => "MIME type";
    public bool CaseSensitive => false;

    public GrammarVerdict Check(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (FormatShorthands.Contains(code))
            return new GrammarVerdict(GrammarOutcome.WellFormed, null,
                $"'{code}' is FHIR's _format shorthand, not a MIME type (application/fhir+{(code == "ttl" ? "turtle" : code)} is); R4 examples still use it where STU3 allowed it, so it is not called invalid");
        var m = MediaType().Match(code);
        if (!m.Success) return GrammarVerdict.Malformed("a MIME type is type/subtype with optional '; name=value' parameters, e.g. application/pdf or text/plain; charset=utf-8");
        var type = m.Groups["type"].Value;
        if (!TopLevel.Contains(type) && !type.StartsWith("x-", StringComparison.OrdinalIgnoreCase))
            return GrammarVerdict.Malformed($"'{type}' is not a registered top-level type ({string.Join(", ", TopLevel.Order(StringComparer.Ordinal))})");
        return GrammarVerdict.Valid();
    }

    private const string Name127 = @"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}";
    private const string Token = @"[!#$%&'*+.^_`|~0-9A-Za-z-]+";

    [GeneratedRegex(@"^(?<type>" + Name127 + ")/" + Name127 + @"(?:\s*;\s*" + Token + "=(?:" + Token + @"|""(?:[^""\\]|\\.)*""))*$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaType();
}
