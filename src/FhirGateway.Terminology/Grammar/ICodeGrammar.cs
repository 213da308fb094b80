namespace FhirGateway.Terminology.Grammar;

/// <summary>How a code fared against a system's grammar.</summary>
public enum GrammarOutcome
{
    /// <summary>Well-formed (and, where a list is held, listed): the code is valid.</summary>
    Valid,
    /// <summary>Well-formed, but the registry it would be listed in is not held: cannot be decided.</summary>
    WellFormed,
    /// <summary>Not well-formed: certainly invalid.</summary>
    Malformed,
}

/// <summary>A grammar verdict with the display when one is known and, for malformed (or only well-formed) codes, what is wrong or unsure.</summary>
public readonly record struct GrammarVerdict(GrammarOutcome Outcome, string? Display = null, string? Problem = null)
{
    public static GrammarVerdict Valid(string? display = null) => new(GrammarOutcome.Valid, display);
    public static GrammarVerdict Malformed(string problem) => new(GrammarOutcome.Malformed, null, problem);
    public static readonly GrammarVerdict WellFormedOnly = new(GrammarOutcome.WellFormed);
}

/// <summary>A code system defined by a grammar rather than a list (UCUM units, BCP-47 tags, MIME types…). Thread-safe.</summary>
public interface ICodeGrammar
{
    /// <summary>What the codes are, for messages: "BCP-47 language tag".</summary>
    string Name { get; }

    /// <summary>Whether codes differing only in case are different (UCUM: yes; BCP-47 and MIME types: no).</summary>
    bool CaseSensitive { get; }

    GrammarVerdict Check(string code);
}
