namespace FhirGateway.Terminology.CodeSystems;

/// <summary>How much of a code system is known offline.</summary>
public enum SystemKnowledge
{
    /// <summary>A CodeSystem with content complete: every code is known.</summary>
    Complete,
    /// <summary>A CodeSystem held only in part (fragment, example): codes it holds are known, others undecided.</summary>
    Partial,
    /// <summary>Defined by a grammar (UCUM, BCP-47, MIME types…): any code can be checked, none enumerated.</summary>
    Grammar,
    /// <summary>A known external system whose content is not held (LOINC, SNOMED CT, RxNorm…).</summary>
    External,
    /// <summary>Nobody here defines it.</summary>
    Unknown,
}

/// <summary>
/// A code system as terminology uses it: look a code up, and enumerate its concepts where that is possible.
/// Implementations are immutable and thread-safe.
/// </summary>
public interface ICodeSystem
{
    string Url { get; }
    string? Version { get; }
    SystemKnowledge Knowledge { get; }

    /// <summary>Whether codes differing only in case are different codes.</summary>
    bool CaseSensitive { get; }

    /// <summary>The compiled concepts, for systems held as a CodeSystem; null otherwise.</summary>
    CodeSystemIndex? Index { get; }

    /// <summary>Looks a code up: exact match, or the code in another case when the system is not case-sensitive.</summary>
    CodeLookup Lookup(string code);
}
