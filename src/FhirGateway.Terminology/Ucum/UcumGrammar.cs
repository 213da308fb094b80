using FhirGateway.Fhir.Ucum;
using FhirGateway.Terminology.Grammar;

namespace FhirGateway.Terminology.Ucum;

/// <summary>UCUM (http://unitsofmeasure.org) as a code system: a code is valid when it parses and every symbol is a known atom.</summary>
public sealed class UcumGrammar : ICodeGrammar
{
    public static readonly UcumGrammar Instance = new();

    public string Name => "UCUM unit";
    public bool CaseSensitive => true;

    public GrammarVerdict Check(string code)
    {
        var parse = UcumParser.Parse(code);
        return parse.IsValid ? GrammarVerdict.Valid() : GrammarVerdict.Malformed(parse.Problem!);
    }
}
