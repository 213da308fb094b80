namespace FhirGateway.Terminology.Grammar;

/// <summary>URIs as codes (urn:ietf:rfc:3986): any absolute URI is a code of the system.</summary>
public sealed class Uris : ICodeGrammar
{
    public static readonly Uris Instance = new();

    public string Name => "URI (RFC 3986)";
    public bool CaseSensitive => true;

    public GrammarVerdict Check(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length > 0 && !code.Any(char.IsWhiteSpace) && Uri.TryCreate(code, UriKind.Absolute, out _)) return GrammarVerdict.Valid();
        return GrammarVerdict.Malformed("it must be an absolute URI with a scheme (urn:…, http://…) and no spaces");
    }
}
