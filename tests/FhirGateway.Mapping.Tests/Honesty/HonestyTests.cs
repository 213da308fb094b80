using System.Text;
using System.Text.Json.Nodes;
using FhirGateway.Mapping.Honesty;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Honesty;

public sealed class HonestyTests
{
    private static readonly RecordMapper Mapper = new();

    /// <summary>Phrasings the programme's standard forbids, and the claim each makes.</summary>
    public static TheoryData<string, string> Refused() => new()
    {
        { "MSC infusions to reverse ALS and cure the disease", "reversal" },
        { "This therapy cures multiple sclerosis", "cure" },
        { "A curative stem cell treatment for ALS", "cure" },
        { "Halt ALS progression and restore lost motor function through neuronal regeneration", "halting progression" },
        { "The infusions may stop disease progression", "halting progression" },
        { "Aims to arrest the decline of motor function", "halting progression" },
        { "Patients regain lost strength within weeks", "restoring lost function" },
        { "Restores speech and swallowing", "restoring lost function" },
        { "Stem cells regenerate motor neurons", "regenerating neurons" },
        { "Repair damaged nerve cells", "regenerating neurons" },
        { "Promotes neuroregeneration in the spinal cord", "regenerating neurons" },
        { "Extends life by several years", "extending life by years" },
        { "Can add 5 years to survival", "extending life by years" },
        { "Gives patients extra years of life", "extending life by years" },
        { "Disease reversal expected after the series", "reversal" },
        { "Not just slowing: the infusions will cure ALS", "cure" },
        { "Expected to reverse symptoms, not merely slow them", "reversal" },
        { "Well tolerated; MSCs heal and regenerate neurons", "regenerating neurons" },
    };

    /// <summary>Honest phrasings: the claim only in the scope of a negation, or no claim at all.</summary>
    public static TheoryData<string> Accepted() => new()
    {
        "This programme is not a cure",
        "MSC therapy does not restore lost function",
        "It doesn't reverse ALS",
        "There is no evidence that MSCs regenerate neurons",
        "The infusions cannot halt progression",
        "Cure is not expected",
        "Reversal is never promised to patients",
        "Never presented as a cure or as reversal",
        "Unlikely to extend life by years",
        "A possible change in the slope of decline, not a cure",
        "Reduce inflammatory markers (CRP, IL-6)",
        "Quality-of-life reports every 3 months",
        "Adjunct to the neurology team's care, without claims to restore function",
        "Transient fever after the infusion, resolved with paracetamol",
        "Patient informed that the treatment is neither a cure nor a reversal",
        "Slope of ALSFRS-R decline compared with the baseline",
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_forbidden_claim_is_found_wherever_it_is_phrased(string text, string claim) => Assert.Equal(claim, ClaimRule.Find(text)?.Claim);

    [Theory]
    [MemberData(nameof(Accepted))]
    public void An_honest_negation_or_a_modest_goal_is_accepted(string text) => Assert.Null(ClaimRule.Find(text));

    /// <summary>The record fields where a clinic writes free text, in the seeds that carry them.</summary>
    public static TheoryData<string, string> TextFields() => new()
    {
        { "als/03-care-plan.json", "plan.title" },
        { "als/03-care-plan.json", "plan.description" },
        { "als/03-care-plan.json", "plan.note" },
        { "als/03-care-plan.json", "plan.goals[0].description" },
        { "als/03-care-plan.json", "plan.eligibility.reasoning" },
        { "als/08-infusion-3.json", "note" },
        { "als/02-intake-assessment.json", "neurologicalExam" },
        { "als/04-baseline-panel.json", "conclusion" },
    };

    [Theory]
    [MemberData(nameof(TextFields))]
    public void The_mapper_refuses_a_claim_in_any_text_field_and_accepts_its_honest_negation(string seed, string field)
    {
        var claim = Map(seed, field, "MSC infusions to reverse ALS and cure the disease");
        var issue = Assert.Single(claim.Issues, i => i.IsError);
        Assert.Equal(("record-forbidden-claim", field), (issue.Code, issue.Expression));
        Assert.True(Map(seed, field, "This programme is not a cure and does not restore lost function").Success);
    }

    [Fact]
    public void The_profiles_honesty_invariant_agrees_with_the_mapper_on_every_phrasing()
    {
        foreach (var (text, refused) in ((IEnumerable<object[]>)Refused()).Select(r => ((string)r[0], true)).Concat(((IEnumerable<object[]>)Accepted()).Select(a => ((string)a[0], false))))
        {
            var goal = JsonNode.Parse(MappedGoal.Value.Span)!;
            goal["description"]!["text"] = text;
            var issues = ClinicValidation.Validate(Encoding.UTF8.GetBytes(goal.ToJsonString()), ClinicIg.Profile("programme-goal"));
            Assert.True(refused == issues.Any(i => i.IsError && i.Message.Contains("clinic-honest-1", StringComparison.Ordinal)), $"{text}: {string.Join("; ", issues)}");
        }
    }

    private static readonly Lazy<ReadOnlyMemory<byte>> MappedGoal = new(() =>
        Mapper.Map(RepoFiles.Seed("als/03-care-plan.json")).Record!.Resources.First(r => r.ResourceType == "Goal").Json);

    private static RecordMapping Map(string seed, string field, string text)
    {
        var record = JsonNode.Parse(RepoFiles.Seed(seed))!;
        JsonNode node = record;
        var parts = field.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        foreach (var part in parts[..^1]) node = int.TryParse(part, out var i) ? node[i]! : node[part]!;
        node[parts[^1]] = text;
        return Mapper.Map(Encoding.UTF8.GetBytes(record.ToJsonString()));
    }
}
