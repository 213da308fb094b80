using System.Text;
using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Records;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Records;

public sealed class RecordContractTests
{
    private static readonly RecordMapper Mapper = new();

    /// <summary>What intake does with a record: the envelope, then the mapper's contract (RecordIntake.SubmitAsync).</summary>
    private static List<Issue> Intake(byte[] json)
    {
        var issues = new List<Issue>();
        var envelope = RecordEnvelopeReader.Read(json, issues);
        if (envelope is not null && !issues.Exists(i => i.IsError)) issues.AddRange(((IRecordMapper)Mapper).CheckContract(json, envelope));
        return issues;
    }

    private static readonly Dictionary<string, (string Seed, JsonNode Record)> SeedByKind = RepoFiles.GoodSeeds()
        .Select(s => (Seed: s, Record: JsonNode.Parse(RepoFiles.Seed(s))!))
        .GroupBy(x => x.Record["kind"]!.GetValue<string>())
        .ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Record.ToJsonString().Length).First(), StringComparer.Ordinal);

    public static TheoryData<string> GoodSeeds() => new(RepoFiles.GoodSeeds());

    [Theory]
    [MemberData(nameof(GoodSeeds))]
    public void Intake_accepts_every_good_seed(string seed) => Assert.DoesNotContain(Intake(RepoFiles.Seed(seed)), i => i.IsError);

    [Fact]
    public void Intake_and_the_mapper_refuse_a_violation_of_every_rule_of_every_record_schema()
    {
        var violations = ContractRuleWalker.All(SeedByKind).ToList();
        Assert.True(violations.Count > 150, $"only {violations.Count} rules found in the schemas");
        var missed = new List<string>();
        foreach (var v in violations)
        {
            var json = Encoding.UTF8.GetBytes(v.Record.ToJsonString());
            var intake = Intake(json);
            if (!intake.Exists(i => i.IsError && (i.Expression ?? "") == v.Path)) missed.Add($"intake: {v} -> {string.Join("; ", intake.Select(i => i.ToString()))}");
            if (Mapper.Map(json).Success) missed.Add($"mapper: {v}");
        }
        Assert.True(missed.Count == 0, $"{missed.Count} of {violations.Count} rules not enforced:\n{string.Join("\n", missed)}");
    }

    [Fact]
    public void A_misspelled_field_is_refused_with_its_path_position_and_the_name_it_probably_meant()
    {
        var text = Encoding.UTF8.GetString(RepoFiles.Seed("als/13-month-1-assessment.json")).Replace("\"alsfrsR\"", "\"alsfrsr\"", StringComparison.Ordinal);
        var issue = Assert.Single(Intake(Encoding.UTF8.GetBytes(text)), i => i.IsError);
        Assert.Equal(("record-unknown-field", "alsfrsr"), (issue.Code, issue.Expression));
        Assert.Contains("did you mean 'alsfrsR'", issue.Message, StringComparison.Ordinal);
        var line = text.Split('\n')[issue.Line - 1];
        Assert.StartsWith("\"alsfrsr\"", line[(issue.Column - 1)..], StringComparison.Ordinal);
        Assert.False(Mapper.Map(Encoding.UTF8.GetBytes(text)).Success);
    }

    [Fact]
    public void A_field_far_from_every_known_name_is_refused_without_a_guess()
    {
        var record = JsonNode.Parse(RepoFiles.Seed("ms/01-consent.json"))!;
        record["sharedWith"] = "everyone";
        var issue = Assert.Single(Intake(Encoding.UTF8.GetBytes(record.ToJsonString())), i => i.IsError);
        Assert.Equal(("record-unknown-field", "sharedWith"), (issue.Code, issue.Expression));
        Assert.DoesNotContain("did you mean", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alsfrsr", "alsfrsR")]
    [InlineData("perfomedAt", "performedAt")]
    [InlineData("productlot", "productLot")]
    [InlineData("zz", null)]
    public void The_suggestion_is_the_same_name_in_other_case_or_the_one_nearest_by_edits(string typed, string? expected) =>
        Assert.Equal(expected, FhirGateway.Mapping.Records.Contract.NameSuggestion.For(typed, ["alsfrsR", "performedAt", "productLot", "fvc", "edss"]));
}
