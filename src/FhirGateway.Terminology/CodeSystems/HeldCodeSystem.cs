using FhirGateway.Fhir.Issues;

namespace FhirGateway.Terminology.CodeSystems;

/// <summary>
/// A code system defined by a loaded CodeSystem resource. Complete content decides; fragment and example
/// content only confirm codes they hold (a code they do not hold is undecided, never invalid).
/// </summary>
public sealed class HeldCodeSystem : ICodeSystem
{
    private readonly string _codesHint;

    public HeldCodeSystem(CodeSystemIndex index)
    {
        Index = index ?? throw new ArgumentNullException(nameof(index));
        Knowledge = index.Content == "complete" ? SystemKnowledge.Complete : SystemKnowledge.Partial;
        _codesHint = Hint(index);
    }

    public CodeSystemIndex Index { get; }
    public string Url => Index.Url;
    public string? Version => Index.Version;
    public SystemKnowledge Knowledge { get; }
    public bool CaseSensitive => Index.CaseSensitive;

    public CodeLookup Lookup(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (Index.Find(code) is { } exact) return CodeLookup.Found(exact);
        var other = Index.FindIgnoringCase(code);
        if (other is not null && !Index.CaseSensitive) return CodeLookup.Found(other);
        if (other is not null) return CodeLookup.NotFound(IssueCatalogue.TxCodeWrongCase.At(null, code, Url, other.Code));
        if (Knowledge == SystemKnowledge.Partial) return CodeLookup.Undecided(IssueCatalogue.TxSystemPartial.At(null, code, Url, Index.Content));
        return CodeLookup.NotFound(IssueCatalogue.TxCodeUnknown.At(null, code, Url, _codesHint));
    }

    private static string Hint(CodeSystemIndex index) => index.All.Count switch
    {
        0 => " (it defines no codes)",
        <= 12 => "; its codes are " + string.Join(", ", index.All.Select(c => c.Code)),
        var n => $" (which defines {n} codes)",
    };

    public override string ToString() => Index.ToString();
}
