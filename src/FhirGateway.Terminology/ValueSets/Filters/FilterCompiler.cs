using System.Text.RegularExpressions;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Terminology.CodeSystems;

namespace FhirGateway.Terminology.ValueSets.Filters;

/// <summary>
/// Turns a compose filter into an <see cref="IConceptFilter"/> over a held code system: the hierarchy operators
/// (is-a, descendent-of, is-not-a, generalizes) on <c>concept</c> (or <c>code</c>), and =, in, not-in, regex and
/// exists on any property. Returns null with the reason for what cannot be evaluated.
/// </summary>
public static class FilterCompiler
{
    private static readonly TimeSpan RegexBudget = TimeSpan.FromMilliseconds(200);

    public static IConceptFilter? Compile(ValueSetFilterInfo filter, CodeSystemIndex index, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(index);
        reason = null;
        var hierarchical = filter.Property is "concept" or "code";
        switch (filter.Op)
        {
            case "is-a" when hierarchical: return new IsAFilter(index.Find(filter.Value));
            case "descendent-of" when hierarchical: return new DescendentOfFilter(index.Find(filter.Value));
            case "is-not-a" when hierarchical: return new IsNotAFilter(index.Find(filter.Value));
            case "generalizes" when hierarchical: return new GeneralizesFilter(index.Find(filter.Value));
            case "=": return new EqualsFilter(filter.Property, filter.Value);
            case "in": return new InFilter(filter.Property, filter.Value, negate: false);
            case "not-in": return new InFilter(filter.Property, filter.Value, negate: true);
            case "exists" when filter.Value is "true" or "false": return new ExistsFilter(filter.Property, filter.Value == "true");
            case "regex":
                try
                {
                    return new RegexFilter(filter.Property, new Regex("^(?:" + filter.Value + ")$", RegexOptions.CultureInvariant, RegexBudget));
                }
                catch (ArgumentException e)
                {
                    reason = $"the filter's regex '{filter.Value}' is not valid ({e.Message})";
                    return null;
                }
        }
        reason = $"the filter '{filter.Property} {filter.Op} {filter.Value}' is not one that can be evaluated on {index.Url}";
        return null;
    }
}
