using System.Collections.Concurrent;
using FhirGateway.Fhir.Terminology;
using FhirGateway.Terminology.CodeSystems;

namespace FhirGateway.Terminology.ValueSets;

/// <summary>An expansion, or why there is none offline.</summary>
public sealed record ExpansionResult(ValueSetExpansion? Expansion, string? Reason);

/// <summary>
/// Expands compiled value sets: the codes each include lists, filters or takes whole from held systems, value set
/// imports intersected, excludes removed, inactive codes dropped where the compose says so. Where composing is
/// impossible offline (a filter on SNOMED CT, all of LOINC) the shipped expansion stands in. Results are immutable
/// and cached per canonical|version in an explicit concurrent cache.
/// </summary>
public sealed class ValueSetExpander
{
    private readonly TerminologyOptions _options;
    private readonly ConcurrentDictionary<string, ExpansionResult> _cache = new(StringComparer.Ordinal);

    public ValueSetExpander(TerminologyOptions? options = null)
    {
        _options = options ?? new TerminologyOptions();
    }

    public ExpansionResult Expand(CompiledValueSet valueSet)
    {
        ArgumentNullException.ThrowIfNull(valueSet);
        if (_cache.TryGetValue(valueSet.Canonical, out var cached)) return cached;
        return _cache.GetOrAdd(valueSet.Canonical, Build(valueSet));
    }

    private ExpansionResult Build(CompiledValueSet vs)
    {
        if (vs.Includes.Count == 0)
            return vs.Shipped is { } only
                ? Result(vs, only.Codes, complete: vs.Definition.Compose is null || only.IsComplete)
                : new ExpansionResult(null, $"the value set {vs.Canonical} has neither a compose nor an expansion");
        var codes = new List<ExpandedCode>();
        var seen = new HashSet<(string, string)>();
        var complete = true;
        string? why = null;
        foreach (var rule in vs.Includes)
        {
            var candidates = Candidates(rule, ref complete, ref why);
            foreach (var c in candidates)
                if (seen.Add((c.System, c.Code))) codes.Add(c);
        }
        foreach (var rule in vs.Excludes)
        {
            codes.RemoveAll(c =>
            {
                var m = rule.Test(c.System, c.Code);
                if (m.Kind == MembershipKind.Unknown) complete = false;
                return m.IsIn;
            });
        }
        if (!vs.AllowsInactive) codes.RemoveAll(c => c.Inactive);
        if (!complete && vs.Shipped is { } shipped && shipped.Codes.Count >= codes.Count) return Result(vs, shipped.Codes, shipped.IsComplete);
        if (codes.Count == 0 && !complete) return new ExpansionResult(null, why);
        return Result(vs, codes, complete);
    }

    private IEnumerable<ExpandedCode> Candidates(ConceptSetRule rule, ref bool complete, ref string? why)
    {
        IEnumerable<ExpandedCode> candidates;
        var imports = rule.Imports.AsEnumerable();
        if (rule.System is not null)
        {
            var part = rule.EnumerateSystemPart();
            if (part is null)
            {
                complete = false;
                why ??= NotEnumerable(rule);
                return [];
            }
            candidates = part.Value.Codes;
            complete &= part.Value.Complete;
        }
        else if (rule.Imports.Count > 0)
        {
            var first = Expand(rule.Imports[0]);
            if (first.Expansion is null)
            {
                complete = false;
                why ??= first.Reason;
                return [];
            }
            candidates = first.Expansion.Codes;
            complete &= !first.Expansion.IsIncomplete;
            imports = imports.Skip(1);
        }
        else
        {
            complete = false;
            why ??= "an include names neither a system nor a value set that is known";
            return [];
        }
        var kept = new List<ExpandedCode>();
        foreach (var c in candidates)
        {
            var m = Membership.In(ShippedExpansion.ToConcept(c));
            foreach (var import in imports) m = m.And(import.Test(c.System, c.Code));
            if (m.Kind == MembershipKind.Unknown) complete = false;
            if (m.Kind != MembershipKind.Out) kept.Add(c);
        }
        return kept;
    }

    private static string NotEnumerable(ConceptSetRule rule)
    {
        var system = rule.Info.System;
        return rule.System!.Knowledge switch
        {
            SystemKnowledge.Grammar => $"it includes codes of {system}, a system defined by a grammar: its codes are checked one by one but cannot be listed",
            SystemKnowledge.External => $"it includes codes of {system} by {(rule.Info.Filters.Count > 0 ? "filter" : "the whole system")}, and that system's content is not held here",
            SystemKnowledge.Unknown => $"it includes codes of {system}, a code system that is not known here",
            _ => $"a filter on {system} cannot be evaluated offline",
        };
    }

    private ExpansionResult Result(CompiledValueSet vs, IReadOnlyList<ExpandedCode> codes, bool complete)
    {
        var limited = codes.Count > _options.MaxExpansionSize ? codes.Take(_options.MaxExpansionSize).ToArray() : codes;
        return new ExpansionResult(new ValueSetExpansion(vs.Canonical, limited) { IsIncomplete = !complete || limited.Count < codes.Count }, null);
    }
}
