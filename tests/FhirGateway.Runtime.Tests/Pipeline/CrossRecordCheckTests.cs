using System.Text.Json.Nodes;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.Pipeline;

/// <summary>An infusion checked against the release, plan and review records routed before it, in a real store, all mapped from the MS seeds.</summary>
public sealed class CrossRecordCheckTests : IAsyncLifetime
{
    private readonly StoreFixture _store = new();

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync();

    private async Task<List<string>> CheckAsync(string seed, Action<JsonNode>? change = null) =>
        (await RoutedSeeds.CheckAsync(_store, "ms/" + seed, change)).Select(i => $"{i.Code}: {i.Message}").ToList();

    private async Task RouteProgrammeAsync()
    {
        foreach (var seed in new[] { "05-product-release.json", "03-care-plan.json", "06-care-plan-change.json" }) await RoutedSeeds.RouteAsync(_store, "ms/" + seed);
    }

    [Fact]
    public async Task An_infusion_of_a_released_lot_within_its_plan_passes()
    {
        await RouteProgrammeAsync();
        Assert.Empty(await CheckAsync("07-infusion-iv-1.json"));
        Assert.Empty(await CheckAsync("10-infusion-it-1.json"));
    }

    [Fact]
    public async Task An_infusion_of_a_lot_never_released_is_refused_naming_the_lot()
    {
        await RouteProgrammeAsync();
        var issue = Assert.Single(await CheckAsync("07-infusion-iv-1.json", r => r["productLot"] = "WJ-2026-9999"));
        Assert.StartsWith("gw-cross-lot-unknown: Lot WJ-2026-9999", issue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_infusion_after_the_lots_expiry_is_refused_naming_the_release_record()
    {
        await RouteProgrammeAsync();
        var issue = Assert.Single(await CheckAsync("07-infusion-iv-1.json", r => { r["performedAt"] = "2027-06-01T09:30:00+02:00"; r["endedAt"] = "2027-06-01T10:15:00+02:00"; }));
        Assert.StartsWith("gw-cross-lot-expired", issue, StringComparison.Ordinal);
        Assert.Contains("REC-100871-PRD-01@1", issue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Infusion_9_of_a_6_infusion_series_and_12_times_the_dose_are_refused_naming_the_plan_record()
    {
        await RouteProgrammeAsync();
        var issues = await CheckAsync("07-infusion-iv-1.json", r => { r["number"] = 9; r["doseMillionCellsPerKg"] = 12.0; });
        Assert.Equal(2, issues.Count);
        Assert.Contains(issues, i => i.StartsWith("gw-cross-beyond-series: Infusion number 9 is beyond the 6 intravenous", StringComparison.Ordinal) && i.Contains("REC-100871-CP-02@1", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.StartsWith("gw-cross-dose-outside-plan: The dose 12 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_intrathecal_infusion_citing_a_review_not_on_record_is_refused()
    {
        await RouteProgrammeAsync();
        var issue = Assert.Single(await CheckAsync("10-infusion-it-1.json", r => r["safetyReviewId"] = "ITSR-UNKNOWN"));
        Assert.StartsWith("gw-cross-review-not-approved: Safety review ITSR-UNKNOWN is not on record", issue, StringComparison.Ordinal);
    }
}
