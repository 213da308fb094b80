using System.Text.Json.Nodes;
using System.Xml.Linq;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Mapping;

/// <summary>The record rules the mappers enforce, each on a seed changed in one place.</summary>
public sealed class MapperRuleTests
{
    private static readonly RecordMapper Mapper = new();

    private static RecordMapping MapChanged(string seed, Action<JsonNode> change)
    {
        var json = JsonNode.Parse(RepoFiles.Seed(seed))!;
        change(json);
        return Mapper.Map(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    private static FhirGateway.Fhir.Issues.Issue SingleError(RecordMapping mapping)
    {
        Assert.Null(mapping.Record);
        return Assert.Single(mapping.Issues, i => i.IsError);
    }

    [Fact]
    public void The_alsfrs_total_is_computed_when_all_items_are_given_without_it()
    {
        var mapping = MapChanged("als/02-intake-assessment.json", r => r["alsfrsR"]!.AsObject().Remove("total"));
        var alsfrs = mapping.Record!.Resources.Single(x => x.Profile.EndsWith("/alsfrs-r", StringComparison.Ordinal));
        Assert.Equal(38, JsonNode.Parse(alsfrs.Json.Span)!["valueInteger"]!.GetValue<int>());
    }

    [Fact]
    public void Item_5_with_gastrostomy_takes_its_own_code()
    {
        var mapping = MapChanged("als/02-intake-assessment.json", r => r["alsfrsR"]!["gastrostomy"] = true);
        var alsfrs = JsonNode.Parse(mapping.Record!.Resources.Single(x => x.Profile.EndsWith("/alsfrs-r", StringComparison.Ordinal)).Json.Span)!;
        var codes = alsfrs["component"]!.AsArray().Select(c => c!["code"]!["coding"]![0]!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("82945-7", codes);
        Assert.DoesNotContain("82944-0", codes);
    }

    [Fact]
    public void An_ms_diagnosis_needs_its_course_and_an_als_one_has_none()
    {
        Assert.Equal(("record-missing-field", "diagnosis.msCourse"),
            SingleError(MapChanged("ms/02-intake-assessment.json", r => r["diagnosis"]!.AsObject().Remove("msCourse"))) is var a ? (a.Code, a.Expression) : default);
        Assert.Equal(("record-inconsistent", "diagnosis.msCourse"),
            SingleError(MapChanged("als/02-intake-assessment.json", r => r["diagnosis"]!["msCourse"] = "rrms")) is var b ? (b.Code, b.Expression) : default);
    }

    [Fact]
    public void An_intrathecal_series_needs_the_safety_review_in_the_plan()
    {
        var issue = SingleError(MapChanged("ms/06-care-plan-change.json", r => r["plan"]!.AsObject().Remove("safetyReview")));
        Assert.Equal(("record-safety-review-missing", "plan.safetyReview"), (issue.Code, issue.Expression));
    }

    [Fact]
    public void A_ventilator_dependent_patient_cannot_be_recorded_eligible()
    {
        var issue = SingleError(MapChanged("als/03-care-plan.json", r => r["plan"]!["eligibility"]!["ventilatorDependent"] = true));
        Assert.Equal(("record-inconsistent", "plan.eligibility.eligible"), (issue.Code, issue.Expression));
    }

    [Fact]
    public void A_plan_needs_every_outcome_milestone()
    {
        var issue = SingleError(MapChanged("als/03-care-plan.json", r => r["plan"]!["milestones"]!.AsArray().RemoveAt(2)));
        Assert.Equal(("record-missing-field", "plan.milestones"), (issue.Code, issue.Expression));
        Assert.Contains("plan.milestones[month-6]", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_biomarker_given_twice_is_refused()
    {
        var issue = SingleError(MapChanged("als/04-baseline-panel.json", r => r["results"]!.AsArray().Add(r["results"]![0]!.DeepClone())));
        Assert.Equal(("record-duplicate-entry", "results"), (issue.Code, issue.Expression));
    }

    [Fact]
    public void A_consent_that_ends_before_it_starts_is_refused()
    {
        var issue = SingleError(MapChanged("als/01-consent.json", r => r["period"]!["end"] = "2025-12-31"));
        Assert.Equal(("record-inconsistent", "period.end"), (issue.Code, issue.Expression));
    }

    [Fact]
    public void An_assessment_with_nothing_to_send_is_refused()
    {
        var issue = SingleError(MapChanged("ms/21-month-12-assessment.json", r =>
        {
            foreach (var field in new[] { "edss", "neurologicalExam", "relapses" }) r.AsObject().Remove(field);
        }));
        Assert.Equal("record-nothing-to-map", issue.Code);
    }

    [Fact]
    public void Every_issue_names_the_record_it_was_found_in()
    {
        var mapping = MapChanged("als/05-product-release.json", r => r["release"]!["identityPercent"] = 94);
        var issue = SingleError(mapping);
        Assert.Equal(("record-release-criterion-not-met", "REC-100234-PRD-01@1"), (issue.Code, issue.Origin));
    }

    [Fact]
    public void Narrative_text_is_escaped_xhtml_in_the_xhtml_namespace()
    {
        var mapping = MapChanged("als/13-month-1-assessment.json", r => r["neurologicalExam"] = "Reflexes <brisk> & \"symmetrical\" <script>alert(1)</script>");
        foreach (var resource in mapping.Record!.Resources)
        {
            var div = JsonNode.Parse(resource.Json.Span)!["text"]!["div"]!.GetValue<string>();
            var xml = XElement.Parse(div);
            Assert.Equal(XName.Get("div", "http://www.w3.org/1999/xhtml"), xml.Name);
            Assert.DoesNotContain(xml.Descendants(), e => e.Name.LocalName is "script" or "brisk");
        }
        var exam = mapping.Record.Resources.Single(x => x.Profile.EndsWith("/neuro-exam", StringComparison.Ordinal));
        Assert.Contains("Reflexes <brisk> & \"symmetrical\"", XElement.Parse(JsonNode.Parse(exam.Json.Span)!["text"]!["div"]!.GetValue<string>()).Value, StringComparison.Ordinal);
    }
}
