using System.Text.RegularExpressions;
using FhirGateway.Terminology.CodeSystems;

namespace FhirGateway.Terminology.ValueSets.Filters;

/// <summary><c>=</c>: the property has exactly this value.</summary>
public sealed class EqualsFilter(string property, string value) : IConceptFilter
{
    public bool Matches(Concept concept) => ConceptProperties.Values(concept, property).Contains(value, StringComparer.Ordinal);
}

/// <summary><c>in</c> (or <c>not-in</c>): the property has (or has not) one of the comma-separated values.</summary>
public sealed class InFilter(string property, string values, bool negate) : IConceptFilter
{
    private readonly HashSet<string> _values = new(values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    public bool Matches(Concept concept) => ConceptProperties.Values(concept, property).Any(_values.Contains) != negate;
}

/// <summary><c>regex</c>: the property's value matches the expression as a whole.</summary>
public sealed class RegexFilter(string property, Regex regex) : IConceptFilter
{
    public bool Matches(Concept concept) => ConceptProperties.Values(concept, property).Any(regex.IsMatch);
}

/// <summary><c>exists</c>: the property is (value <c>true</c>) or is not (<c>false</c>) present.</summary>
public sealed class ExistsFilter(string property, bool exists) : IConceptFilter
{
    public bool Matches(Concept concept) => ConceptProperties.Values(concept, property).Any() == exists;
}
