using FhirGateway.Firely.Tests.Oracles;
using Xunit.Abstractions;

namespace FhirGateway.Firely.Tests.Comparison;

/// <summary>
/// Firely's validator as a second oracle on the packed clinic IG: every IG example and every resource of every mapped
/// good seed, judged by Firely and by the gateway's own validator. Where they differ, the difference is listed in
/// src/FhirGateway.Validation/Compatibility/partner-validators.json with the specification text that decides.
/// </summary>
public sealed class SecondOracleTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases() => new(OracleCases.Names(_ => true));

    public static TheoryData<string> ValidCases() => new(OracleCases.Names(c => c.Expected == Expectation.Valid));

    public static TheoryData<string> InvalidExamples() => new(OracleCases.Names(c => c.Expected == Expectation.Invalid));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Firely_and_the_gateway_agree_apart_from_the_listed_incompatibilities(string name)
    {
        var judged = OracleCases.ByName[name];
        output.WriteLine($"Firely: {judged.Firely}\ngateway: {judged.Gateway}");
        Assert.True(judged.Divergences.Count == 0, "Unlisted divergences:\n" + string.Join("\n", judged.Divergences));
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void What_must_pass_passes_the_gateway_and_fails_Firely_only_by_a_listed_incompatibility(string name)
    {
        var judged = OracleCases.ByName[name];
        Assert.True(judged.Gateway.Valid, judged.Gateway.ToString());
        var listed = Divergences.Expected(judged.Case.Json);
        var unexplained = judged.Firely.Errors.Where(e => !listed.Any(l => Divergences.Is(l, e))).ToList();
        Assert.True(unexplained.Count == 0, "Firely: " + string.Join("\n", unexplained));
    }

    [Theory]
    [MemberData(nameof(InvalidExamples))]
    public void An_invalid_example_fails_both_validators(string name)
    {
        var judged = OracleCases.ByName[name];
        Assert.False(judged.Gateway.Valid);
        var listed = Divergences.Expected(judged.Case.Json);
        Assert.Contains(judged.Firely.Errors, e => !listed.Any(l => Divergences.Is(l, e)));
    }

    [Fact]
    public void A_listed_incompatibility_is_met_exactly_where_Firely_reports_its_rule()
    {
        var wrong = new List<string>();
        foreach (var judged in OracleCases.ByName.Values)
        {
            var predicted = Divergences.Expected(judged.Case.Json);
            foreach (var listed in Divergences.Listed.Where(l => l.ResourceType != "StructureDefinition"))
            {
                var reported = judged.Firely.Errors.Any(e => Divergences.Is(listed, e));
                if (reported != predicted.Contains(listed)) wrong.Add($"{judged.Case.Name}: {listed.Id}: Firely reports it {reported}, 'when' holds {!reported}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Every_listed_incompatibility_is_still_met_by_some_case()
    {
        var met = OracleCases.ByName.Values.SelectMany(j => j.Firely.Errors.SelectMany(e => Divergences.Listed.Where(l => Divergences.Is(l, e))))
            .Concat(PackedDefinitionTests.FirelyErrors().SelectMany(e => Divergences.Listed.Where(l => Divergences.Is(l, e))))
            .Concat(FirelyOracle.Validate(System.Text.Encoding.UTF8.GetBytes(Ctm1CauseTests.Unresolved), null).Errors.SelectMany(e => Divergences.Listed.Where(l => Divergences.Is(l, e))))
            .Select(l => l.Id).ToHashSet();
        var stale = Divergences.Listed.Where(l => !met.Contains(l.Id)).Select(l => l.Id).ToList();
        Assert.True(stale.Count == 0, "Listed but no longer met (remove or correct): " + string.Join(", ", stale));
    }

    [Fact]
    public void The_census_covers_every_example_and_every_mapped_seed_resource()
    {
        var all = OracleCases.ByName.Values.ToList();
        var examples = all.Count(j => j.Case.Name.StartsWith("examples/", StringComparison.Ordinal));
        var seeds = all.Count - examples;
        var agree = all.Count(j => j.Firely.Valid == j.Gateway.Valid);
        output.WriteLine($"{examples} IG examples and {seeds} mapped seed resources; verdicts agree on {agree}, differ on {all.Count - agree}:");
        foreach (var (kind, group) in new[] { ("valid examples", all.Where(j => j.Case.Expected == Expectation.Valid && j.Case.Name.StartsWith("examples/", StringComparison.Ordinal))),
                     ("invalid examples", all.Where(j => j.Case.Expected == Expectation.Invalid)), ("mapped seed resources", all.Where(j => !j.Case.Name.StartsWith("examples/", StringComparison.Ordinal))) })
            output.WriteLine($"  {kind}: {group.Count()}, Firely valid {group.Count(j => j.Firely.Valid)}, gateway valid {group.Count(j => j.Gateway.Valid)}");
        foreach (var j in all.Where(j => j.Firely.Valid != j.Gateway.Valid)) output.WriteLine($"  {j.Case.Name}: Firely {(j.Firely.Valid ? "valid" : "invalid")}, gateway {(j.Gateway.Valid ? "valid" : "invalid")}");
        Assert.Equal(Directory.EnumerateFiles(Path.Combine(FhirGateway.Mapping.Tests.Support.RepoFiles.Profiles, "examples"), "*.json", SearchOption.AllDirectories).Count(), examples);
        Assert.True(seeds > 0);
    }
}
