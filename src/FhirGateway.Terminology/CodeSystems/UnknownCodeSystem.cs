using FhirGateway.Fhir.Issues;

namespace FhirGateway.Terminology.CodeSystems;

/// <summary>A system nobody defines: every code is undecided, with a warning that it cannot be checked (as the HL7 validator does).</summary>
public sealed class UnknownCodeSystem(string url) : ICodeSystem
{
    public string Url { get; } = url ?? throw new ArgumentNullException(nameof(url));
    public string? Version => null;
    public SystemKnowledge Knowledge => SystemKnowledge.Unknown;
    public CodeSystemIndex? Index => null;
    public bool CaseSensitive => false;

    public CodeLookup Lookup(string code) => CodeLookup.Undecided(IssueCatalogue.TxSystemUnknown.At(null, Url, code));

    public override string ToString() => Url;
}
