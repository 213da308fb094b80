using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;

namespace FhirGateway.Terminology.ValueSets;

/// <summary>
/// A value set compiled for membership tests: its include and exclude rules (with imported value sets compiled
/// too) and the shipped expansion as a fallback. A code is in when some include selects it and no exclude does;
/// each step is three-valued, so what cannot be decided offline stays undecided instead of becoming "invalid".
/// Immutable and thread-safe; built once per canonical|version by <see cref="ValueSetCompiler"/>.
/// </summary>
public sealed class CompiledValueSet
{
    internal CompiledValueSet(ValueSetInfo definition, IReadOnlyList<ConceptSetRule> includes, IReadOnlyList<ConceptSetRule> excludes, Issue? problem)
    {
        Definition = definition;
        Canonical = definition.Canonical;
        Includes = includes;
        Excludes = excludes;
        Problem = problem;
        Shipped = ShippedExpansion.From(definition);
        var systems = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rule in includes)
        {
            if (rule.Info.System is { } s) systems.Add(s);
            else foreach (var import in rule.Imports) systems.UnionWith(import.Systems);
        }
        if (includes.Count == 0 && Shipped is not null) systems.UnionWith(Shipped.Codes.Select(c => c.System));
        Systems = systems;
    }

    public ValueSetInfo Definition { get; }
    /// <summary>url|version, computed once (the definition's property builds the string on every call).</summary>
    public string Canonical { get; }
    public IReadOnlyList<ConceptSetRule> Includes { get; }
    public IReadOnlyList<ConceptSetRule> Excludes { get; }
    public ShippedExpansion? Shipped { get; }

    /// <summary>A problem met while compiling (an import cycle), reported with any code checked against the set.</summary>
    public Issue? Problem { get; }

    /// <summary>The code systems the value set draws on, directly or through imports.</summary>
    public IReadOnlySet<string> Systems { get; }

    /// <summary>False when the compose has <c>inactive: false</c>: inactive codes are not part of the set.</summary>
    public bool AllowsInactive => Definition.Compose?.Inactive != false;

    public Membership Test(string system, string code)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(code);
        if (Includes.Count == 0)
            return Shipped?.Find(system, code) is { } only ? Membership.In(ShippedExpansion.ToConcept(only), only.Version) : Membership.OutPlain;
        var m = Membership.OutPlain;
        foreach (var rule in Includes)
        {
            m = m.Or(rule.Test(system, code));
            if (m.IsIn) break;
        }
        if (m.IsIn)
        {
            foreach (var rule in Excludes)
            {
                var ex = rule.Test(system, code);
                if (ex.IsIn) return Membership.OutPlain;
                if (ex.Kind == MembershipKind.Unknown) m = ex;
            }
            if (m.IsIn && !AllowsInactive && m.Concept!.IsInactive) return Membership.OutPlain;
        }
        if (m.Kind == MembershipKind.Unknown && Shipped?.Find(system, code) is { } hit)
            return Membership.In(ShippedExpansion.ToConcept(hit), hit.Version);
        return m;
    }

    public override string ToString() => Canonical;
}
