using System.Text.Json.Nodes;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.Pipeline;

/// <summary>An adverse event and a follow-up checked against the ALS records routed before them (release, infusion 3, intake), in a real store.</summary>
public sealed class OutcomeCheckTests : IAsyncLifetime
{
    private readonly StoreFixture _store = new();

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync();

    private async Task RouteAsync(params string[] seeds)
    {
        foreach (var seed in seeds) await RoutedSeeds.RouteAsync(_store, seed);
    }

    private async Task<List<(string Code, string? Expression, string Message)>> CheckAsync(string seed, Action<JsonNode>? change = null) =>
        (await RoutedSeeds.CheckAsync(_store, seed, change)).Select(i => (i.Code, i.Expression, i.Message)).ToList();

    [Fact]
    public async Task The_fever_after_infusion_3_passes_once_its_lot_and_infusion_are_routed()
    {
        await RouteAsync("als/05-product-release.json", "als/08-infusion-3.json");
        Assert.Empty(await CheckAsync("als/08a-adverse-event-fever.json"));
    }

    [Fact]
    public async Task The_broken_seed_suspecting_an_unknown_lot_is_refused_naming_the_infusion_checked()
    {
        await RouteAsync("als/05-product-release.json", "als/08-infusion-3.json");
        var issues = await CheckAsync("broken/adverse-event-unknown-lot.json");
        Assert.Equal(2, issues.Count);
        var unknown = Assert.Single(issues, i => i.Code == "gw-cross-suspect-lot-unknown");
        Assert.StartsWith("AdverseEvent/", unknown.Expression, StringComparison.Ordinal);
        Assert.Contains("Lot WJ-2026-0999", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("REC-100234-INF-03@1, gave lot WJ-2026-0117", unknown.Message, StringComparison.Ordinal);
        Assert.Contains(issues, i => i.Code == "gw-cross-suspect-lot-mismatch");
    }

    [Fact]
    public async Task An_adverse_event_suspecting_an_infusion_never_routed_is_refused()
    {
        await RouteAsync("als/05-product-release.json");
        var issue = Assert.Single(await CheckAsync("als/08a-adverse-event-fever.json"));
        Assert.Equal("gw-cross-suspect-infusion-unknown", issue.Code);
    }

    [Fact]
    public async Task An_adverse_event_that_began_before_the_infusion_it_suspects_is_refused_naming_the_infusion_record()
    {
        await RouteAsync("als/05-product-release.json", "als/08-infusion-3.json");
        var issue = Assert.Single(await CheckAsync("als/08a-adverse-event-fever.json", r => r["event"]!["onset"] = "2026-03-01T20:00:00+01:00"));
        Assert.Equal("gw-cross-suspect-before-infusion", issue.Code);
        Assert.Contains("REC-100234-INF-03@1", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_passes_against_the_routed_intake_and_is_refused_without_it()
    {
        Assert.Contains(await CheckAsync("als/15-month-3-assessment.json"), i => i.Code == "gw-cross-baseline-unknown");
        await RouteAsync("als/02-intake-assessment.json");
        Assert.Empty(await CheckAsync("als/15-month-3-assessment.json"));
    }

    [Fact]
    public async Task A_follow_up_stating_another_baseline_total_than_the_routed_one_is_refused_naming_the_baseline_record()
    {
        await RouteAsync("als/02-intake-assessment.json");
        var issue = Assert.Single(await CheckAsync("als/15-month-3-assessment.json", r => r["baseline"]!["alsfrsRTotal"] = 44));
        Assert.Equal("gw-cross-baseline-mismatch", issue.Code);
        Assert.Contains("REC-100234-ASM-01@1", issue.Message, StringComparison.Ordinal);
        Assert.Contains("38/48", issue.Message, StringComparison.Ordinal);
    }
}
