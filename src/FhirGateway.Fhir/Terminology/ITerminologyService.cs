using System.Collections.Frozen;
using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Terminology;

/// <summary>
/// Offline terminology over the definitions at hand (R4 core code systems, value sets and expansions, the
/// clinic's own, extra packages). Implementations are thread-safe and cache expansions.
/// </summary>
public interface ITerminologyService
{
    /// <summary>
    /// Checks a code (with optional system, version and display) against a value set given by canonical URL.
    /// Never throws for instance problems: the outcome says whether the code is in the set, whether that
    /// could be decided at all, and carries the issues to report (unknown code, wrong display…).
    /// A null <paramref name="system"/> means a plain <c>code</c> element, whose system the value set implies: the code is
    /// looked for in the systems the value set draws on. (A Coding that lacks its system is not such a code: the HL7
    /// validator reports it as not in the value set.) <paramref name="version"/> is the Coding's version, if any.
    /// </summary>
    CodeCheck ValidateCode(string valueSetCanonical, string? system, string? code, string? display = null, string? version = null);

    /// <summary>Checks a code against its code system alone (no value set): known system, code defined, display right.</summary>
    CodeCheck ValidateCodeInSystem(string system, string code, string? display = null, string? version = null);

    /// <summary>The expansion of a value set, or null when it cannot be expanded offline (with the reason in <paramref name="reason"/>).</summary>
    ValueSetExpansion? Expand(string valueSetCanonical, out string? reason);

    /// <summary>Checks a UCUM unit expression (syntax and known atoms).</summary>
    CodeCheck ValidateUcumUnit(string unit);
}

/// <summary>How a code check came out.</summary>
public enum CodeCheckOutcome
{
    /// <summary>The code is in the value set (or system), and the display, if given, is right.</summary>
    Valid,
    /// <summary>The code is certainly not in the value set (or not defined by the system).</summary>
    Invalid,
    /// <summary>Cannot be decided offline (a system we do not hold, a filter we cannot evaluate): never an error.</summary>
    Undecided,
}

/// <summary>The result of a code check: the outcome, the matching display if known, and issues to report (without location; the caller adds it).</summary>
public sealed record CodeCheck(CodeCheckOutcome Outcome, string? Display, IReadOnlyList<Issue> Issues)
{
    public static CodeCheck Valid(string? display = null) => new(CodeCheckOutcome.Valid, display, []);
}

/// <summary>An expanded value set: every code with its system, version, display and flags; <see cref="Find"/> is a hash look-up.</summary>
public sealed record ValueSetExpansion(string ValueSetCanonical, IReadOnlyList<ExpandedCode> Codes)
{
    private readonly FrozenDictionary<(string System, string Code), ExpandedCode> _index = Index(Codes);

    /// <summary>True when the expansion is known to be incomplete (a system we hold only in part, a limit hit).</summary>
    public bool IsIncomplete { get; init; }

    /// <summary>The expansion's entry for this system and code, or null (which, when <see cref="IsIncomplete"/>, does not mean "not in the set").</summary>
    public ExpandedCode? Find(string system, string code) => _index.GetValueOrDefault((system, code));

    private static FrozenDictionary<(string, string), ExpandedCode> Index(IReadOnlyList<ExpandedCode> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var map = new Dictionary<(string, string), ExpandedCode>();
        foreach (var c in codes) map.TryAdd((c.System, c.Code), c);
        return map.ToFrozenDictionary();
    }
}

/// <summary>One code of an expansion. <see cref="Abstract"/> is set for abstract and notSelectable concepts (they group codes and are not meant to be recorded).</summary>
public sealed record ExpandedCode(string System, string Code, string? Display, string? Version = null, bool Abstract = false, bool Inactive = false);
