using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Terminology.ValueSets.Filters;

/// <summary>
/// Filters that need only the code (=, in, not-in, regex on <c>code</c>/<c>concept</c>), so they can be evaluated
/// on systems that are not held as a CodeSystem: <c>urn:iso:std:iso:3166</c> filtered by <c>code regex [A-Z]{3}</c>.
/// </summary>
public static class CodeFilters
{
    public static bool IsCodeOnly(ValueSetFilterInfo filter) =>
        filter.Property is "code" or "concept" && filter.Op is "=" or "in" or "not-in" or "regex";
}
