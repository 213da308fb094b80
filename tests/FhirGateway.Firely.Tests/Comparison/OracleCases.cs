using FhirGateway.Firely.Tests.Oracles;

namespace FhirGateway.Firely.Tests.Comparison;

/// <summary>Every case with both verdicts, judged once per test run (Firely takes about a minute for all of them).</summary>
internal static class OracleCases
{
    private static readonly Lazy<IReadOnlyDictionary<string, Judged>> All = new(Judge, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IReadOnlyDictionary<string, Judged> ByName => All.Value;

    public static IEnumerable<string> Names(Func<OracleCase, bool> which) =>
        OracleCase.Examples().Concat(OracleCase.MappedSeeds()).Where(which).Select(c => c.Name);

    private static IReadOnlyDictionary<string, Judged> Judge()
    {
        var cases = OracleCase.Examples().Concat(OracleCase.MappedSeeds()).ToList();
        var judged = new Dictionary<string, Judged>(StringComparer.Ordinal);
        foreach (var c in cases)
            judged[c.Name] = new Judged(c, FirelyOracle.Validate(c.Json, c.Profile), GatewayOracle.Validate(c.Json, c.Profile, c.Name));
        return judged;
    }
}

/// <summary>A case with Firely's and the gateway's verdicts.</summary>
internal sealed record Judged(OracleCase Case, Verdict Firely, Verdict Gateway)
{
    public IReadOnlyList<Divergence> Divergences => Comparison.Divergences.Of(Case.Name, Case.Json, Firely, Gateway);
}
