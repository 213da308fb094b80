using FhirGateway.Firely.Tests.Oracles;
using Xunit.Abstractions;

namespace FhirGateway.Firely.Tests.Comparison;

/// <summary>
/// The packed IG as a partner loads it: Firely reads every resource of the package without complaint, and every packed
/// StructureDefinition, ValueSet and CodeSystem validates against R4 core with both validators (sdf-3 and the other
/// StructureDefinition invariants: a snapshot element carries its definition and cardinalities).
/// </summary>
public sealed class PackedDefinitionTests(ITestOutputHelper output)
{
    public static TheoryData<string> PackedFiles() => new(PackedIg.Resources.Select(f => f.Name));

    private static readonly Lazy<IReadOnlyDictionary<string, (Verdict Firely, Verdict Gateway)>> Judged = new(() =>
        PackedIg.Resources.ToDictionary(f => f.Name, f => (FirelyOracle.Validate(f.Content, null), GatewayOracle.Validate(f.Content, null, f.Name))));

    internal static IEnumerable<OracleError> FirelyErrors() => Judged.Value.Values.SelectMany(v => v.Firely.Errors);

    [Fact]
    public void The_packed_IG_is_written_without_snapshot_errors_and_read_by_Firely_without_errors()
    {
        Assert.False(PackedIg.Package.HasErrors, string.Join("\n", PackedIg.Package.Issues));
        Assert.Empty(FirelyOracle.LoadErrors);
        Assert.Equal(PackedIg.Resources.Count(), FirelyOracle.IgResources.Count);
    }

    [Fact]
    public void The_package_s_examples_are_the_valid_examples_and_Firely_holds_each_valid_against_its_profile()
    {
        var valid = OracleCase.Examples().Where(c => c.Expected == Expectation.Valid).ToList();
        Assert.Equal(valid.Select(c => Path.GetFileName(c.Name)).Order(StringComparer.Ordinal), PackedIg.Examples.Select(e => e.Name).Order(StringComparer.Ordinal));
        foreach (var example in PackedIg.Examples)
        {
            var profile = System.Text.Json.JsonDocument.Parse(example.Content).RootElement.GetProperty("meta").GetProperty("profile")[0].GetString();
            var verdict = FirelyOracle.Validate(example.Content, profile);
            Assert.True(verdict.Valid, $"{example.Name}: {verdict}");
        }
    }

    [Fact]
    public void Every_packed_snapshot_element_has_a_short_a_definition_and_cardinalities()
    {
        var incomplete = FirelyOracle.IgResources.OfType<Hl7.Fhir.Model.StructureDefinition>()
            .SelectMany(sd => sd.Snapshot?.Element.Select(e => (sd.Url, e)) ?? [])
            .Where(x => string.IsNullOrEmpty(x.e.Definition) || string.IsNullOrEmpty(x.e.Short) || x.e.Min is null || string.IsNullOrEmpty(x.e.Max))
            .Select(x => $"{x.Url} {x.e.ElementId}").ToList();
        Assert.True(incomplete.Count == 0, string.Join("\n", incomplete.Take(20)));
        Assert.All(FirelyOracle.IgResources.OfType<Hl7.Fhir.Model.StructureDefinition>(), sd => Assert.NotEmpty(sd.Snapshot?.Element ?? []));
    }

    [Theory]
    [MemberData(nameof(PackedFiles))]
    public void A_packed_definition_validates_with_both_validators_apart_from_listed_incompatibilities(string file)
    {
        var (firely, gateway) = Judged.Value[file];
        output.WriteLine($"Firely: {firely}\ngateway: {gateway}");
        Assert.True(gateway.Valid, gateway.ToString());
        var json = PackedIg.Resources.Single(f => f.Name == file).Content;
        var listed = Divergences.Expected(json);
        var unexplained = firely.Errors.Where(e => !listed.Any(l => Divergences.Is(l, e))).ToList();
        Assert.True(unexplained.Count == 0, string.Join("\n", unexplained));
    }
}
