using System.Text.Json.Nodes;
using FhirGateway.Mapping.Records;
using FhirGateway.Mapping.Tests.Support;
using Json.Schema;

namespace FhirGateway.Mapping.Tests.Records;

public sealed class RecordSchemaTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Schemas = new(Load);

    private static IReadOnlyDictionary<string, JsonSchema> Load()
    {
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var kind in RecordKinds.All.Prepend(RecordSchemas.Envelope))
        {
            var schema = JsonSchema.FromText(System.Text.Encoding.UTF8.GetString(RecordSchemas.Get(kind)), build);
            build.SchemaRegistry.Register(schema);
            schemas[kind] = schema;
        }
        return schemas;
    }

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    private static EvaluationResults Evaluate(JsonNode record)
    {
        var schemas = Schemas.Value;
        using var document = System.Text.Json.JsonDocument.Parse(record.ToJsonString());
        return schemas[record["kind"]!.GetValue<string>()].Evaluate(document.RootElement.Clone(), Options);
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    public static TheoryData<string> GoodSeeds() => new(RepoFiles.GoodSeeds());

    [Theory]
    [MemberData(nameof(GoodSeeds))]
    public void Every_good_seed_keeps_the_contract_of_its_kind(string seed)
    {
        var results = Evaluate(JsonNode.Parse(RepoFiles.Seed(seed))!);
        Assert.True(results.IsValid, Errors(results));
    }

    [Theory]
    [InlineData("broken/alsfrs-item-out-of-range.json", "/alsfrsR/items/speech")]
    [InlineData("broken/missing-performed-at.json", "")]
    [InlineData("broken/unknown-biomarker.json", "/results/1/biomarker")]
    [InlineData("broken/viability-below-release.json", "/release/viabilityPercent")]
    [InlineData("broken/edss-not-half-step.json", "/edss")]
    public void A_broken_seed_breaks_the_contract_where_the_mapper_says(string seed, string location)
    {
        var results = Evaluate(JsonNode.Parse(RepoFiles.Seed(seed))!);
        Assert.False(results.IsValid);
        Assert.Contains(results.Details ?? [], d => d.Errors is { Count: > 0 } && d.InstanceLocation.ToString() == location);
    }

    [Fact]
    public void A_field_the_contract_does_not_know_is_refused()
    {
        var record = JsonNode.Parse(RepoFiles.Seed("ms/01-consent.json"))!;
        record["sharedWith"] = "everyone";
        Assert.False(Evaluate(record).IsValid);
    }
}
