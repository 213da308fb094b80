using System.Text.Json.Nodes;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Mapping;

/// <summary>Adverse events on an infusion record and a follow-up's baseline and slope, each on a seed changed in one place.</summary>
public sealed class OutcomeRuleTests
{
    private static readonly RecordMapper Mapper = new();

    private static readonly JsonObject Fever = new()
    {
        ["description"] = "Transient fever (38.1 °C), resolved with paracetamol.",
        ["onset"] = "2026-03-02T14:15:00+01:00",
        ["seriousness"] = "non-serious",
        ["severity"] = "mild",
        ["outcome"] = "resolved",
    };

    private static RecordMapping MapChanged(string seed, Action<JsonNode> change)
    {
        var json = JsonNode.Parse(RepoFiles.Seed(seed))!;
        change(json);
        return Mapper.Map(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    private static JsonNode Only(RecordMapping mapping, string profile) =>
        JsonNode.Parse(mapping.Record!.Resources.Single(r => r.Profile.EndsWith("/" + profile, StringComparison.Ordinal)).Json.Span)!;

    [Fact]
    public void An_infusions_adverse_event_suspects_that_infusion_and_its_lot_and_validates()
    {
        var mapping = MapChanged("als/08-infusion-3.json", r => r["adverseEvents"] = new JsonArray(Fever.DeepClone()));
        Assert.True(mapping.Success, string.Join("; ", mapping.Issues));
        var resource = mapping.Record!.Resources.Single(r => r.ResourceType == "AdverseEvent");
        Assert.Empty(ClinicValidation.Problems(resource.Json, resource.Profile));
        var ae = JsonNode.Parse(resource.Json.Span)!;
        Assert.Equal("actual", ae["actuality"]!.GetValue<string>());
        Assert.Equal("Non-serious", ae["seriousness"]!["coding"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("2026-03-02T14:15:00+01:00", ae["date"]!.GetValue<string>());
        var suspect = ae["suspectEntity"]![0]!;
        Assert.Equal("REC-100234-INF-03", suspect["instance"]!["identifier"]!["value"]!.GetValue<string>());
        Assert.Equal("WJ-2026-0117", suspect["extension"]![0]!["valueReference"]!["identifier"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void An_adverse_event_that_began_before_its_infusion_is_refused()
    {
        var early = Fever.DeepClone();
        early["onset"] = "2026-03-02T08:00:00+01:00";
        var mapping = MapChanged("als/08-infusion-3.json", r => r["adverseEvents"] = new JsonArray(early));
        var issue = Assert.Single(mapping.Issues, i => i.IsError);
        Assert.Equal(("record-inconsistent", "adverseEvents[0].onset"), (issue.Code, issue.Expression));
    }

    [Fact]
    public void The_slope_is_derived_from_the_stated_baseline_in_points_per_month_and_validates()
    {
        var mapping = Mapper.Map(RepoFiles.Seed("als/19-month-12-assessment.json"));
        var resource = mapping.Record!.Resources.Single(r => r.Profile.EndsWith("/alsfrs-r-slope", StringComparison.Ordinal));
        Assert.Empty(ClinicValidation.Problems(resource.Json, resource.Profile));
        var slope = JsonNode.Parse(resource.Json.Span)!;
        // 38 on 2026-01-12 to 32 on 2027-04-21: -6 points over 464 days (15.24 months).
        Assert.Equal(-0.39m, slope["valueQuantity"]!["value"]!.GetValue<decimal>());
        Assert.Equal("{score}/mo", slope["valueQuantity"]!["code"]!.GetValue<string>());
        Assert.Null(slope["interpretation"]);
        var from = slope["derivedFrom"]!.AsArray().Select(d => d!["identifier"]!["value"]!.GetValue<string>()).ToList();
        Assert.Equal(["REC-100234-ASM-01.alsfrs-r", "REC-100234-ASM-05.alsfrs-r"], from);
        var fvc = Only(mapping, "fvc");
        Assert.Contains(fvc["extension"]!.AsArray(), e => e!["valueReference"]?["identifier"]?["value"]?.GetValue<string>() == "REC-100234-ASM-01.fvc");
    }

    [Fact]
    public void An_intake_assessment_compared_with_a_baseline_is_refused()
    {
        var mapping = MapChanged("als/02-intake-assessment.json",
            r => r["baseline"] = new JsonObject { ["recordId"] = "REC-100234-ASM-00", ["performedAt"] = "2025-12-01T10:00:00+01:00", ["alsfrsRTotal"] = 40 });
        var issue = Assert.Single(mapping.Issues, i => i.IsError);
        Assert.Equal(("record-inconsistent", "baseline.recordId"), (issue.Code, issue.Expression));
    }

    [Fact]
    public void A_follow_up_with_alsfrs_needs_the_baseline_total_and_a_baseline_before_it()
    {
        var noTotal = MapChanged("als/15-month-3-assessment.json", r => r["baseline"]!.AsObject().Remove("alsfrsRTotal"));
        Assert.Equal(("record-missing-field", "baseline.alsfrsRTotal"), Single(noTotal));
        var later = MapChanged("als/15-month-3-assessment.json", r => r["baseline"]!["performedAt"] = "2026-08-01T10:00:00+02:00");
        Assert.Equal(("record-inconsistent", "baseline.performedAt"), Single(later));
    }

    private static (string, string?) Single(RecordMapping mapping)
    {
        var issue = Assert.Single(mapping.Issues, i => i.IsError);
        return (issue.Code, issue.Expression);
    }
}
