using FhirGateway.Firely.Tests.Oracles;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Validation.Compatibility;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Firely.Tests.Comparison;

/// <summary>One way the two validators differ on a case: a rule one reports and the other does not.</summary>
internal sealed record Divergence(string Case, string Rule, string Firely, string Gateway)
{
    public override string ToString() => $"{Case}: {Rule}: Firely {Firely}; gateway {Gateway}";
}

/// <summary>
/// Compares the two verdicts on a case, rule by rule. Invariants are matched by key; the other errors (cardinality,
/// types, values…), which the two name differently, by the verdict they give. Firely errors of a listed
/// incompatibility (<c>partner-validators.json</c>) are set aside when its <c>when</c> holds on the resource the error is in.
/// </summary>
internal static class Divergences
{
    private static readonly Lazy<PartnerCompatibility> Compatibility = new(() => new PartnerCompatibility(StructureTypeModel.R4Core));

    public static IReadOnlyList<PartnerValidatorIncompatibility> Listed => PartnerValidatorIncompatibilities.All;

    /// <summary>The listed incompatibilities the resource (or, in a Bundle, an entry's resource) meets, by rule.</summary>
    public static IReadOnlyList<PartnerValidatorIncompatibility> Expected(ReadOnlyMemory<byte> json)
    {
        var root = new FhirJsonParser(StructureTypeModel.R4Core).Parse(json).Root;
        if (root is null) return [];
        var resources = new List<ElementNode> { root };
        if (root.InstanceType == "Bundle")
            resources.AddRange(root.ChildrenNamed("entry").Select(e => e.Child("resource")).OfType<ElementNode>());
        return resources.SelectMany(r => Compatibility.Value.Matching(r)).Distinct().ToList();
    }

    public static IReadOnlyList<Divergence> Of(string name, ReadOnlyMemory<byte> json, Verdict firely, Verdict gateway)
    {
        var expected = Expected(json);
        var firelyErrors = firely.Errors.Where(e => !expected.Any(x => Is(x, e))).ToList();
        var divergences = new List<Divergence>();
        var firelyKeys = firelyErrors.Select(e => InvariantKey(e.Code)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var gatewayKeys = gateway.Errors.Select(e => GatewayKey(e)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var key in firelyKeys.Except(gatewayKeys)) divergences.Add(new(name, key, "error", "none"));
        foreach (var key in gatewayKeys.Except(firelyKeys)) divergences.Add(new(name, key, "none", "error"));
        var firelyOther = firelyErrors.Where(e => InvariantKey(e.Code) is null).ToList();
        var gatewayOther = gateway.Errors.Where(e => GatewayKey(e) is null).ToList();
        if (firelyOther.Count > 0 != gatewayOther.Count > 0)
            divergences.Add(new(name, "non-invariant errors", Show(firelyOther), Show(gatewayOther)));
        return divergences;
    }

    /// <summary>Whether a Firely error is the one a listed incompatibility names.</summary>
    public static bool Is(PartnerValidatorIncompatibility listed, OracleError error) =>
        listed.Rule == error.Code
        || listed.Rule == "extension-context" && error.Message.StartsWith("Extension used outside of appropriate contexts", StringComparison.Ordinal);

    private static string Show(List<OracleError> errors) => errors.Count == 0 ? "none" : string.Join(" | ", errors);

    /// <summary>An invariant key (<c>ctm-1</c>, <c>clinic-alsfrs-2</c>, <c>bdl-3c</c>); Firely's numbered issues (<c>1028</c>) are not.</summary>
    private static string? InvariantKey(string code) =>
        System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z][a-z0-9]*(-[a-z0-9]+)*-[0-9]+[a-z]?$") ? code : null;

    /// <summary>The key our validator names in "Constraint KEY failed: …".</summary>
    private static string? GatewayKey(OracleError error) =>
        error.Code == "val-invariant-failed" && error.Message.StartsWith("Constraint ", StringComparison.Ordinal)
            ? error.Message["Constraint ".Length..].Split(' ')[0] : null;
}
