using System.Collections.Frozen;
using System.Reflection;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Terminology.Grammar;
using FhirGateway.Terminology.Ucum;

namespace FhirGateway.Terminology.CodeSystems;

/// <summary>
/// The systems terminology knows without a CodeSystem resource: grammar-based ones (UCUM, BCP-47, MIME types,
/// URIs, IANA time zones, ISO 3166 and ISO 4217 with the lists the core value sets enumerate) and the external
/// systems listed in the embedded <c>external-systems.tsv</c>.
/// </summary>
public static class KnownSystems
{
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Languages = "urn:ietf:bcp:47";
    public const string MimeTypes = "urn:ietf:bcp:13";
    public const string Countries = "urn:iso:std:iso:3166";
    public const string Currencies = "urn:iso:std:iso:4217";

    private static readonly FrozenDictionary<string, string> External = ReadExternal();

    /// <summary>The name of a known external system, or null.</summary>
    public static string? ExternalName(string url) => External.GetValueOrDefault(url);

    /// <summary>The grammar- or list-based system for <paramref name="url"/>, or null; lists come from <paramref name="definitions"/>.</summary>
    public static ICodeSystem? Builtin(string url, IDefinitionSource definitions)
    {
        ArgumentNullException.ThrowIfNull(url);
        ICodeGrammar? grammar = url switch
        {
            Ucum => UcumGrammar.Instance,
            Languages => LanguageTags.Instance,
            MimeTypes => Grammar.MimeTypes.Instance,
            "urn:ietf:rfc:3986" => Uris.Instance,
            "https://www.iana.org/time-zones" => TimeZones.Instance,
            Countries => new CodeList("ISO 3166 country code", "[A-Z]{2}|[A-Z]{3}|[0-9]{3}",
                "ISO 3166 country codes are 2 or 3 capital letters or 3 digits (e.g. NL, NLD, 528)",
                ListedCodes(definitions, "http://hl7.org/fhir/ValueSet/iso3166-1-2", url)),
            Currencies => new CodeList("ISO 4217 currency code", "[A-Z]{3}",
                "ISO 4217 currency codes are 3 capital letters (e.g. EUR, USD)",
                ListedCodes(definitions, "http://hl7.org/fhir/ValueSet/currencies", url)),
            _ => null,
        };
        if (grammar is not null) return new GrammarCodeSystem(url, grammar);
        if (External.TryGetValue(url, out var name))
        {
            Func<string, string?>? form = url switch
            {
                Loinc => LoincCodes.Problem,
                Snomed => code => SnomedIds.IsExpression(code) ? null : SnomedIds.Problem(code),
                _ => null,
            };
            return new ExternalCodeSystem(url, name, form);
        }
        return null;
    }

    /// <summary>The codes (with displays) a core value set lists for <paramref name="system"/>, in its compose or its expansion.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> ListedCodes(IDefinitionSource definitions, string valueSet, string system)
    {
        var vs = definitions.FindValueSet(valueSet);
        if (vs is null) yield break;
        foreach (var include in vs.Compose?.Include ?? [])
            if (include.System == system)
                foreach (var c in include.Concepts) yield return new(c.Code, c.Display);
        foreach (var c in vs.Expansion?.Contains ?? [])
            if (c.System == system && c.Code is not null) yield return new(c.Code, c.Display);
    }

    private static FrozenDictionary<string, string> ReadExternal()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("FhirGateway.Terminology.external-systems.tsv")
            ?? throw new InvalidOperationException("The embedded external-systems.tsv is missing from FhirGateway.Terminology.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            if (tab > 0) map[line[..tab]] = line[(tab + 1)..];
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
