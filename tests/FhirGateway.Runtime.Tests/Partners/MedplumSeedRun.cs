using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using FhirGateway.Testing.Partners;

namespace FhirGateway.Runtime.Tests.Partners;

/// <summary>
/// Every good seed delivered to a stock Medplum by one gateway, then again by a fresh gateway (empty store) to the same
/// server: what each run left at the partner, for the tests that read it. Nothing runs where Medplum cannot start.
/// </summary>
public sealed class MedplumSeedRun : IAsyncLifetime
{
    public MedplumPartner Partner { get; private set; } = null!;
    public PartnerContents Contents { get; private set; } = null!;
    public StoreSummary First { get; private set; } = null!;
    public StoreSummary Second { get; private set; } = null!;
    public IReadOnlyDictionary<string, int> CountsAfterFirst { get; private set; } = null!;
    public IReadOnlyDictionary<string, int> CountsAfterSecond { get; private set; } = null!;
    public IReadOnlyList<string> Undelivered { get; private set; } = [];
    public IReadOnlyList<ParkedItem> Parked { get; private set; } = [];
    public IReadOnlyList<LedgerEntry> Sent { get; private set; } = [];

    public static IReadOnlyList<string> Types => Mapping.Bundles.ConditionalRequests.ResourceTypes;

    public async Task InitializeAsync()
    {
        if (MedplumPartner.Unavailable is not null) return;
        Partner = await MedplumPartner.StartAsync();
        Contents = new PartnerContents(Partner.BaseUrl);
        // one record per transaction: the first size refusal is then always of one record, so what the gateway learns
        // does not depend on how many records happened to be batched together when it came
        await using (var first = await RealGateway.StartAsync(Partner.BaseUrl, s => s["Partners:0:BatchSize"] = "1"))
        {
            var keys = await first.PostSeedsAsync();
            First = await first.SettleAsync();
            Parked = await first.Store.ListParkedAsync(CancellationToken.None);
            Sent = await first.StepsAsync(LedgerSteps.Sent);
            var delivered = (await first.StepsAsync(LedgerSteps.PartnerResponse)).Where(e => e.Draft.Status == "200").Select(e => e.RecordKey).ToHashSet();
            Undelivered = keys.Where(k => !delivered.Contains(k)).ToList();
        }
        CountsAfterFirst = await Contents.CountsAsync(Types);
        await using (var second = await RealGateway.StartAsync(Partner.BaseUrl))
        {
            await second.PostSeedsAsync();
            Second = await second.SettleAsync();
        }
        CountsAfterSecond = await Contents.CountsAsync(Types);
    }

    public async Task DisposeAsync()
    {
        if (Partner is not null) await Partner.DisposeAsync();
    }
}

/// <summary>The good seeds at a real third-party FHIR server, stock settings: all arrive, exact, once.</summary>
public sealed class MedplumDeliveryTests(MedplumSeedRun run) : IClassFixture<MedplumSeedRun>
{
    [MedplumFact]
    public void Every_good_seed_is_delivered_and_none_is_parked_for_the_partners_transaction_size()
    {
        Assert.Equal(RealGateway.GoodSeeds.Count, run.First.DeliveriesDelivered);
        Assert.Empty(run.Undelivered);
        Assert.Empty(run.Parked);
        Assert.Equal(0, run.First.DeliveriesPending + run.First.DeliveriesParked);
    }

    [MedplumFact]
    public void Records_larger_than_the_partners_limit_go_as_several_transactions_none_above_it()
    {
        var parts = run.Sent.Where(e => e.Draft.Detail!.StartsWith("transaction ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(parts);
        Assert.All(run.Sent.Where(e => e.Draft.Detail!.Contains(" of ", StringComparison.Ordinal)), e =>
            Assert.True(int.Parse(e.Draft.Detail!.Split(", ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) <= 8, e.Draft.Detail));
    }

    [MedplumFact]
    public async Task What_the_partner_holds_is_exactly_the_dry_run_mapping_with_every_literal_reference_resolving()
    {
        var report = await DryRunComparison.CompareAsync(run.Contents, RealGateway.GoodSeeds.Select(File.ReadAllBytes));

        Assert.Empty(report.Missing);
        Assert.Empty(report.Mismatches);
        Assert.Empty(report.Dangling);
        Assert.True(report.Values > 400, $"{report.Values} values compared");
        Assert.True(report.References > 0);
    }

    [MedplumFact]
    public async Task A_fresh_gateway_resending_every_seed_creates_no_duplicate_of_any_type()
    {
        Assert.Equal(RealGateway.GoodSeeds.Count, run.Second.DeliveriesDelivered);
        Assert.Equal(run.CountsAfterFirst, run.CountsAfterSecond);
        Assert.Empty(await run.Contents.DuplicatesAsync(MedplumSeedRun.Types));
    }
}
