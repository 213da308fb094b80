using System.Text.Json.Nodes;
using FhirGateway.Fhir.Tests.Support;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.RoundTrip;

public sealed class RoundTripTests
{
    private static readonly RecordMapper Mapper = new();

    public static TheoryData<string> GoodSeeds() => new(RepoFiles.GoodSeeds());

    [Theory]
    [MemberData(nameof(GoodSeeds))]
    public void Mapping_back_from_the_resources_gives_every_value_of_the_record(string seed)
    {
        var bytes = RepoFiles.Seed(seed);
        var reversed = RecordReverseMapper.Reverse(Mapper.Map(bytes).Record!);
        var expected = WithDefaults(JsonNode.Parse(bytes)!.AsObject());
        var difference = JsonStructuralDiff.FirstDifference(FhirNodesText(expected), FhirNodesText(reversed));
        Assert.True(difference is null, $"{seed}: {difference}");
    }

    [Fact]
    public void The_round_trip_notices_a_lost_value()
    {
        var bytes = RepoFiles.Seed("als/02-intake-assessment.json");
        var reversed = RecordReverseMapper.Reverse(Mapper.Map(bytes).Record!);
        reversed["fvc"]!.AsObject().Remove("percentPredicted");
        Assert.Equal("$.fvc.percentPredicted: missing", JsonStructuralDiff.FirstDifference(bytes, FhirNodesText(reversed)));
    }

    /// <summary>The record with the values the mapper assumes when a field is left out written in.</summary>
    private static JsonObject WithDefaults(JsonObject record)
    {
        if (record["alsfrsR"] is JsonObject alsfrs && alsfrs["gastrostomy"] is null) alsfrs["gastrostomy"] = false;
        foreach (var medication in (record["medications"] as JsonArray) ?? [])
            if (medication!["diseaseModifying"] is null) medication["diseaseModifying"] = false;
        if (record["kind"]!.GetValue<string>() == "infusion" && record["performer"] is null) record["performer"] = record["recordedBy"]!.DeepClone();
        if (record["plan"] is JsonObject plan)
            foreach (var activity in ((JsonArray)plan["infusionSeries"]!).Concat((JsonArray)plan["milestones"]!))
                if (activity!["status"] is null) activity["status"] = "scheduled";
        return record;
    }

    private static byte[] FhirNodesText(JsonNode node) => System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
}
