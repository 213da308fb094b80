using System.Collections.Frozen;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Terminology;
using FhirGateway.Terminology.CodeSystems;
using FhirGateway.Terminology.ValueSets.Filters;

namespace FhirGateway.Terminology.ValueSets;

/// <summary>
/// One compiled include or exclude of a value set's compose: codes of one system (listed, filtered or all) and/or
/// the codes of other value sets, intersected (R4 ValueSet.compose.include: a code is selected when the system part
/// and every named value set select it). Tests membership with hash look-ups; immutable and thread-safe.
/// </summary>
public sealed class ConceptSetRule
{
    private static readonly CodeSystemIndex NoConcepts = new(new CodeSystemInfo { Url = "urn:fhirgateway:no-concepts" });

    private readonly string _valueSet;
    private readonly FrozenDictionary<string, Concept>? _listed;
    private readonly FrozenDictionary<string, Concept>? _listedIgnoringCase;
    private readonly IReadOnlyList<IConceptFilter> _filters;
    private readonly string? _filterProblem;
    private readonly Issue? _importProblem;

    internal ConceptSetRule(string valueSet, ConceptSetInfo info, ICodeSystem? system, IReadOnlyList<CompiledValueSet> imports, Issue? importProblem)
    {
        _valueSet = valueSet;
        Info = info;
        System = info.System is null ? null : system;
        Imports = imports;
        _importProblem = importProblem;
        if (System is not null && info.Concepts.Count > 0)
        {
            var listed = new Dictionary<string, Concept>(StringComparer.Ordinal);
            foreach (var c in info.Concepts) listed.TryAdd(c.Code, Listed(System, c));
            _listed = listed.ToFrozenDictionary(StringComparer.Ordinal);
            var ignoringCase = new Dictionary<string, Concept>(StringComparer.OrdinalIgnoreCase);
            foreach (var c in _listed.Values) ignoringCase.TryAdd(c.Code, c);
            _listedIgnoringCase = ignoringCase.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        }
        (_filters, _filterProblem) = CompileFilters(info, System);
    }

    public ConceptSetInfo Info { get; }
    public ICodeSystem? System { get; }
    public IReadOnlyList<CompiledValueSet> Imports { get; }

    /// <summary>True when every filter could be compiled (or there are none).</summary>
    public bool FiltersEvaluable => _filterProblem is null;

    public Membership Test(string system, string code)
    {
        Membership m;
        var first = 0;
        if (System is not null) m = TestSystemPart(system, code);
        else if (Imports.Count > 0) m = Imports[first++].Test(system, code);
        else m = Membership.Unknown(_importProblem);
        if (m.Kind == MembershipKind.Out) return m;
        if (_importProblem is not null) m = m.And(Membership.Unknown(_importProblem));
        for (var i = first; i < Imports.Count && m.Kind != MembershipKind.Out; i++) m = m.And(Imports[i].Test(system, code));
        return m;
    }

    private Membership TestSystemPart(string system, string code)
    {
        if (!string.Equals(system, Info.System, StringComparison.Ordinal)) return Membership.OutPlain;
        if (_listed is not null) return TestListed(code);
        if (System!.Index is null)
            foreach (var f in _filters)
                if (!f.Matches(new Concept(code, null))) return Membership.OutPlain;
        var lookup = System.Lookup(code);
        if (lookup.Outcome == LookupOutcome.NotFound) return Membership.Out(lookup.Reason);
        if (lookup.Outcome == LookupOutcome.Undecided) return Membership.Unknown(lookup.Reason);
        if (_filterProblem is not null) return Membership.Unknown(IssueCatalogue.TxMembershipUndecided.At(null, $"{system}#{code}", _valueSet, _filterProblem));
        if (System.Index is not null)
            foreach (var f in _filters)
                if (!f.Matches(lookup.Concept!)) return Membership.OutPlain;
        return Membership.In(lookup.Concept!, System.Version);
    }

    private Membership TestListed(string code)
    {
        if (_listed!.TryGetValue(code, out var c)) return Membership.In(c, System!.Version);
        if (!_listedIgnoringCase!.TryGetValue(code, out c)) return Membership.OutPlain;
        return System!.CaseSensitive ? Membership.Out(IssueCatalogue.TxCodeWrongCase.At(null, code, Info.System, c.Code)) : Membership.In(c, System.Version);
    }

    /// <summary>
    /// The codes the system part selects, where they can be listed: listed concepts always; filters and whole
    /// systems only for held systems (incomplete for fragment/example content). Null when they cannot be listed.
    /// </summary>
    internal (IEnumerable<ExpandedCode> Codes, bool Complete)? EnumerateSystemPart()
    {
        if (System is null) return null;
        if (_listed is not null) return (Info.Concepts.Select(c => _listed[c.Code]).Distinct().Select(ToExpanded), true);
        if (System.Index is null || _filterProblem is not null) return null;
        var concepts = System.Index.All.Where(c => _filters.All(f => f.Matches(c)));
        return (concepts.Select(ToExpanded), System.Knowledge == SystemKnowledge.Complete);
    }

    private ExpandedCode ToExpanded(Concept c) =>
        new(Info.System!, c.Code, c.Display, System?.Version, Abstract: c.IsNotSelectable, Inactive: c.IsInactive);

    private static (IReadOnlyList<IConceptFilter>, string?) CompileFilters(ConceptSetInfo info, ICodeSystem? system)
    {
        var filters = new List<IConceptFilter>();
        string? problem = null;
        foreach (var f in info.Filters)
        {
            var index = system?.Index ?? (CodeFilters.IsCodeOnly(f) ? NoConcepts : null);
            string? why = null;
            var compiled = index is null ? null : FilterCompiler.Compile(f, index, out why);
            if (compiled is not null) filters.Add(compiled);
            else problem ??= why ?? (system?.Knowledge == SystemKnowledge.Grammar
                ? $"the filter '{f.Property} {f.Op} {f.Value}' on {info.System} cannot be evaluated offline: only filters on the code itself are, for a grammar-based system"
                : $"the filter '{f.Property} {f.Op} {f.Value}' needs the content of {info.System}, which is not held here");
        }
        return (filters, problem);
    }

    /// <summary>A listed concept: the system's concept when held (flags and designations count), with the listing's display as another valid display.</summary>
    private static Concept Listed(ICodeSystem system, ConceptReferenceInfo listed)
    {
        var held = system.Index?.Find(listed.Code);
        if (held is null) return new Concept(listed.Code, listed.Display) { DisplaysKnown = system.Index is not null };
        if (listed.Display is null || listed.Display == held.Display) return held;
        return new Concept(held.Code, held.Display, [.. held.Designations, new DesignationInfo(null, null, null, listed.Display)], held.Properties, held.Flags);
    }
}
