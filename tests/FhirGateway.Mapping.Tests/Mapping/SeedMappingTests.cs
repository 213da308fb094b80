using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Mapping;

public sealed class SeedMappingTests
{
    private static readonly RecordMapper Mapper = new();

    public static TheoryData<string> GoodSeeds() => new(RepoFiles.GoodSeeds());

    [Theory]
    [MemberData(nameof(GoodSeeds))]
    public void Every_good_seed_maps_without_issues(string seed)
    {
        var mapping = Mapper.Map(RepoFiles.Seed(seed));
        Assert.True(mapping.Success, string.Join("\n", mapping.Issues));
        Assert.Empty(mapping.Issues);
        var resources = mapping.Record!.Resources;
        Assert.Equal("Patient", resources[0].ResourceType);
        Assert.Equal("Provenance", resources[^1].ResourceType);
    }

    [Fact]
    public void Both_patients_go_through_every_kind_of_programme_record_and_the_seeds_hold_every_kind()
    {
        var programme = FhirGateway.Mapping.Records.RecordKinds.All.Except([FhirGateway.Mapping.Records.RecordKinds.AdverseEvent]).ToHashSet();
        var all = new HashSet<string>();
        foreach (var patient in new[] { "als/", "ms/" })
        {
            var kinds = RepoFiles.GoodSeeds().Where(s => s.StartsWith(patient, StringComparison.Ordinal))
                .Select(s => Mapper.Map(RepoFiles.Seed(s)).Envelope!.Kind).ToHashSet();
            Assert.Superset(programme, kinds);
            all.UnionWith(kinds);
        }
        // An adverse event is not a step of the programme: only the ALS patient had one (the fever after infusion 3).
        Assert.Equal(FhirGateway.Mapping.Records.RecordKinds.All.ToHashSet(), all);
    }
}
