using FhirGateway.Fhir.Issues;

namespace FhirGateway.Terminology.CodeSystems;

/// <summary>
/// A known external code system whose content is not held (LOINC, SNOMED CT, RxNorm, ICD-10…): a code is
/// undecided with an informational issue, never an error, unless its form is checkable and wrong (a LOINC or
/// SNOMED CT check digit).
/// </summary>
public sealed class ExternalCodeSystem(string url, string name, Func<string, string?>? formProblem = null) : ICodeSystem
{
    public string Url { get; } = url ?? throw new ArgumentNullException(nameof(url));
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));
    public string? Version => null;
    public SystemKnowledge Knowledge => SystemKnowledge.External;
    public CodeSystemIndex? Index => null;
    public bool CaseSensitive => true;

    public CodeLookup Lookup(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (formProblem?.Invoke(code) is { } problem) return CodeLookup.NotFound(IssueCatalogue.TxCodeMalformed.At(null, code, $"{Name} code", problem));
        return CodeLookup.Undecided(IssueCatalogue.TxSystemNotHeld.At(null, code, Url, $"{Name} is not held here, and no terminology server is used"));
    }

    public override string ToString() => Url;
}
