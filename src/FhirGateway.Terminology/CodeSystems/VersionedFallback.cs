using FhirGateway.Fhir.Issues;

namespace FhirGateway.Terminology.CodeSystems;

/// <summary>
/// A held code system standing in for a version that is not held: codes it defines are accepted, a code it does
/// not define is undecided (the asked-for version may define it), never invalid.
/// </summary>
public sealed class VersionedFallback(ICodeSystem held, string requestedVersion) : ICodeSystem
{
    public string Url => held.Url;
    public string? Version => held.Version;
    public string RequestedVersion { get; } = requestedVersion;
    public SystemKnowledge Knowledge => held.Knowledge == SystemKnowledge.Complete ? SystemKnowledge.Partial : held.Knowledge;
    public CodeSystemIndex? Index => held.Index;
    public bool CaseSensitive => held.CaseSensitive;

    public CodeLookup Lookup(string code)
    {
        var found = held.Lookup(code);
        return found.Outcome == LookupOutcome.NotFound
            ? CodeLookup.Undecided(IssueCatalogue.TxSystemVersionNotHeld.At(null, RequestedVersion, Url, code, held.Version ?? "(unversioned)"))
            : found;
    }

    public override string ToString() => $"{Url}|{RequestedVersion} (using {held.Version})";
}
