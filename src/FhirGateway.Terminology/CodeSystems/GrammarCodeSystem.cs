using FhirGateway.Fhir.Issues;
using FhirGateway.Terminology.Grammar;

namespace FhirGateway.Terminology.CodeSystems;

/// <summary>A code system checked by its grammar (UCUM, BCP-47, MIME types, ISO codes…): codes are decided one by one, never enumerated.</summary>
public sealed class GrammarCodeSystem(string url, ICodeGrammar grammar) : ICodeSystem
{
    public string Url { get; } = url ?? throw new ArgumentNullException(nameof(url));
    public ICodeGrammar Grammar { get; } = grammar ?? throw new ArgumentNullException(nameof(grammar));
    public string? Version => null;
    public SystemKnowledge Knowledge => SystemKnowledge.Grammar;
    public CodeSystemIndex? Index => null;
    public bool CaseSensitive => Grammar.CaseSensitive;

    public CodeLookup Lookup(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var verdict = Grammar.Check(code);
        return verdict.Outcome switch
        {
            GrammarOutcome.Valid => CodeLookup.Found(new Concept(code, verdict.Display) { DisplaysKnown = false }),
            GrammarOutcome.WellFormed => CodeLookup.Undecided(IssueCatalogue.TxSystemNotHeld.At(null, code, Url,
                verdict.Problem ?? $"it is a well-formed {Grammar.Name}, but the registry of {Grammar.Name}s is not held here")),
            _ => CodeLookup.NotFound(Grammar is Ucum.UcumGrammar
                ? IssueCatalogue.TxUcumInvalid.At(null, code, verdict.Problem)
                : IssueCatalogue.TxCodeMalformed.At(null, code, Grammar.Name, verdict.Problem)),
        };
    }

    public override string ToString() => Url;
}
