using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Mapping.Bundles;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Mapping;

public sealed class DeterminismTests
{
    public static TheoryData<string> GoodSeeds() => new(RepoFiles.GoodSeeds());

    [Theory]
    [MemberData(nameof(GoodSeeds))]
    public void Mapping_a_record_twice_gives_identical_bytes(string seed)
    {
        var bytes = RepoFiles.Seed(seed);
        var first = new RecordMapper().Map(bytes).Record!;
        var second = new RecordMapper().Map(bytes.ToArray()).Record!;
        Assert.Equal(first.Resources.Count, second.Resources.Count);
        for (var i = 0; i < first.Resources.Count; i++)
        {
            Assert.Equal((first.Resources[i].Id, first.Resources[i].Identifier), (second.Resources[i].Id, second.Resources[i].Identifier));
            Assert.Equal(first.Resources[i].Json.ToArray(), second.Resources[i].Json.ToArray());
        }
        Assert.Equal(new TransactionBundleBuilder().Build([first]).Json.ToArray(), new TransactionBundleBuilder().Build([second]).Json.ToArray());
    }

    [Fact]
    public void Mapping_on_many_threads_gives_the_same_bytes_as_on_one()
    {
        var seeds = RepoFiles.GoodSeeds().Select(RepoFiles.Seed).ToList();
        var mapper = new RecordMapper();
        var expected = seeds.Select(s => mapper.Map(s).Record!.Resources.Select(r => r.Json.ToArray()).ToList()).ToList();
        var parallel = seeds.AsParallel().AsOrdered().WithDegreeOfParallelism(4)
            .Select(s => mapper.Map(s).Record!.Resources.Select(r => r.Json.ToArray()).ToList()).ToList();
        for (var i = 0; i < seeds.Count; i++) Assert.Equal(expected[i], parallel[i]);
    }

    [Theory]
    [MemberData(nameof(GoodSeeds))]
    public void Mapped_resources_read_as_R4_and_are_written_in_definition_order(string seed)
    {
        var parser = new FhirJsonParser(StructureTypeModel.R4Core);
        var writer = new FhirJsonWriter(parser.Tables);
        foreach (var resource in new RecordMapper().Map(RepoFiles.Seed(seed)).Record!.Resources)
        {
            var parsed = parser.Parse(resource.Json);
            Assert.True(parsed.Issues.Count == 0, string.Join("\n", parsed.Issues));
            Assert.Equal(System.Text.Encoding.UTF8.GetString(resource.Json.Span), writer.ToJson(parsed.Root!, pretty: false));
        }
    }
}
