using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Tests.Support;
using FhirGateway.Testing.Partners;

namespace FhirGateway.Runtime.Tests.Partners;

/// <summary>Scripted faults (WireMock.Net) in front of a real Medplum: lost answers, 429s and resets cost time, never a duplicate or a record.</summary>
public sealed class MedplumFaultTests : MedplumTestBase
{
    /// <summary>Consent, intake, care plan, baseline panel, product release and the first infusions: every kind of entry, a few records.</summary>
    private static readonly IReadOnlyList<string> Seeds = RealGateway.FirstSeeds(7);
    [MedplumFact]
    public async Task A_partner_that_commits_but_loses_every_third_answer_ends_with_every_seed_once_and_no_duplicate()
    {
        using var front = new PartnerFront(Partner.BaseUrl, (n, _) => n % 3 == 1 ? FrontAction.LoseAnswer : FrontAction.Pass);
        await using var gateway = await RealGateway.StartAsync(front.BaseUrl);
        await gateway.PostSeedsAsync(Seeds);
        var summary = await gateway.SettleAsync();

        var contents = new PartnerContents(Partner.BaseUrl);
        Assert.True(front.Lost >= 3, $"{front.Lost} answers lost");
        Assert.Equal(Seeds.Count, summary.DeliveriesDelivered);
        Assert.Empty(await contents.DuplicatesAsync(MedplumSeedRun.Types));
        var report = await DryRunComparison.CompareAsync(contents, Seeds.Select(File.ReadAllBytes));
        Assert.Empty(report.Missing);
        Assert.Empty(report.Mismatches);
        Assert.Empty(report.Dangling);
    }

    [MedplumFact]
    public async Task Answers_429_with_Retry_After_and_reset_connections_delay_delivery_but_lose_nothing()
    {
        using var front = new PartnerFront(Partner.BaseUrl, (n, _) => (n % 4) switch { 1 => FrontAction.TooManyRequests, 2 => FrontAction.Reset, _ => FrontAction.Pass });
        await using var gateway = await RealGateway.StartAsync(front.BaseUrl);
        await gateway.PostSeedsAsync(Seeds);
        var summary = await gateway.SettleAsync();

        Assert.Equal(Seeds.Count, summary.DeliveriesDelivered);
        Assert.Empty(await gateway.Store.ListParkedAsync(CancellationToken.None));
        Assert.Empty(await new PartnerContents(Partner.BaseUrl).DuplicatesAsync(MedplumSeedRun.Types));
    }

    [MedplumFact]
    public async Task A_size_refusal_that_names_its_limit_teaches_that_limit_durably_and_nothing_larger_is_sent_again()
    {
        const string refusal = """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"too-costly","diagnostics":"Bundle exceeds the maximum of 5 entries per transaction"}]}""";
        var sizes = new List<int>();
        using var front = new PartnerFront(Partner.BaseUrl, (_, body) =>
        {
            var entries = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("entry").GetArrayLength();
            lock (sizes) sizes.Add(entries);
            return entries > 5 ? FrontAction.Refuse413 : FrontAction.Pass;
        }, refusal);
        await using var gateway = await RealGateway.StartAsync(front.BaseUrl);
        await gateway.PostSeedsAsync(Seeds);
        var summary = await gateway.SettleAsync();

        var learned = await ((IPartnerStateStore)gateway.Store).GetLearnedLimitAsync(RealGateway.PartnerId, CancellationToken.None);
        Assert.Equal(Seeds.Count, summary.DeliveriesDelivered);
        Assert.Equal(5, learned?.MaxEntries);
        lock (sizes) Assert.Single(sizes, s => s > 5);
    }
}
