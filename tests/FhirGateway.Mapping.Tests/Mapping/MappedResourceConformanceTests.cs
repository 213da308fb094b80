using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Mapping;

public sealed class MappedResourceConformanceTests
{
    private static readonly RecordMapper Mapper = new();
    private static readonly ProfileSelfCheck Check = new(ClinicIgDefinitions.WithCore);

    public static TheoryData<string> GoodSeeds() => new(RepoFiles.GoodSeeds());

    [Theory]
    [MemberData(nameof(GoodSeeds))]
    public void Every_resource_mapped_from_a_good_seed_passes_its_profiles_self_check(string seed)
    {
        var record = Mapper.Map(RepoFiles.Seed(seed)).Record!;
        var problems = record.Resources
            .SelectMany(r => Check.Check(r.Json, r.Profile, $"{seed} {r.ResourceType}/{r.Id}"))
            .Where(i => i.Severity <= FhirGateway.Fhir.Issues.IssueSeverity.Warning)
            .Select(i => i.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
