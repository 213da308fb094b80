using System.Text.Json.Nodes;
using FhirGateway.Mapping.Honesty;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Honesty;

public sealed class HonestyInvariantTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The clinic profiles whose resources carry free text, and the texts their invariant clinic-honest-1 reads.</summary>
    public static TheoryData<string, string> TextProfiles() => new()
    {
        { "programme-goal", "description.text | note.text" },
        { "programme-care-plan", "title | description | note.text | activity.detail.description" },
        { "msc-infusion", "note.text" },
        { "msc-eligibility", "note.text" },
        { "intrathecal-safety-review", "note.text" },
        { "neuro-exam", "value.ofType(string) | note.text" },
        { "study-summary", "conclusion" },
        { "biomarker-panel", "conclusion" },
    };

    [Theory]
    [MemberData(nameof(TextProfiles))]
    public void A_profile_with_free_text_states_the_mappers_honesty_rule_as_its_invariant(string profile, string texts)
    {
        var file = Path.Combine(RepoFiles.Profiles, $"StructureDefinition-{profile}.json");
        var definition = JsonNode.Parse(File.ReadAllText(file))!;
        var root = definition["differential"]!["element"]!.AsArray()[0]!;
        var invariant = (root["constraint"] as JsonArray ?? []).FirstOrDefault(c => c!["key"]!.GetValue<string>() == "clinic-honest-1");
        Assert.NotNull(invariant);
        var expected = ClaimRule.FhirPathOver(texts);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDENS") == "1" && invariant["expression"]!.GetValue<string>() != expected)
        {
            // Regenerate after a change of ClaimRule (as the golden bundles are), then review the diff.
            var text = File.ReadAllText(file).Replace(System.Text.Json.JsonSerializer.Serialize(invariant["expression"]!.GetValue<string>(), Json),
                System.Text.Json.JsonSerializer.Serialize(expected, Json), StringComparison.Ordinal);
            File.WriteAllText(file, text);
            return;
        }
        Assert.Equal(expected, invariant["expression"]!.GetValue<string>());
    }
}
