using System.Text;
using System.Text.Json.Nodes;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Testing;
using FhirGateway.Testing.Partners;

namespace FhirGateway.Runtime.Tests.Partners;

/// <summary>Versions never go backwards at a real partner: an older record version never overwrites a newer one's content.</summary>
public sealed class MedplumVersionTests : MedplumTestBase
{
    private const string Corrected = " (corrected)";
    [MedplumFact]
    public async Task Version_1_after_version_2_leaves_version_2_at_the_partner_and_is_ledgered_as_superseded()
    {
        await using var gateway = await RealGateway.StartAsync(Partner.BaseUrl);
        await gateway.PostAsync(Seed("als/01-consent.json"));
        await gateway.PostAsync(CarePlan(version: 2));
        await gateway.SettleAsync();
        var v1 = await gateway.PostAsync(CarePlan(version: 1));
        await gateway.SettleAsync();

        await AssertPartnerHoldsVersion2Async();
        await AssertSupersededAsync(gateway, v1, "the partner holds");
    }

    [MedplumFact]
    public async Task Version_2_delivered_then_a_fresh_gateway_sending_version_1_leaves_version_2_at_the_partner()
    {
        await using (var first = await RealGateway.StartAsync(Partner.BaseUrl))
        {
            await first.PostAsync(Seed("als/01-consent.json"));
            await first.PostAsync(CarePlan(version: 2));
            await first.SettleAsync();
        }
        await using var fresh = await RealGateway.StartAsync(Partner.BaseUrl);
        await fresh.PostAsync(Seed("als/01-consent.json"));
        var v1 = await fresh.PostAsync(CarePlan(version: 1));
        await fresh.SettleAsync();

        await AssertPartnerHoldsVersion2Async();
        await AssertSupersededAsync(fresh, v1, "the partner holds");
    }

    [MedplumFact]
    public async Task A_newer_version_does_overwrite_an_older_one()
    {
        await using var gateway = await RealGateway.StartAsync(Partner.BaseUrl);
        await gateway.PostAsync(Seed("als/01-consent.json"));
        await gateway.PostAsync(CarePlan(version: 1));
        await gateway.SettleAsync();
        await gateway.PostAsync(CarePlan(version: 2));
        await gateway.SettleAsync();

        await AssertPartnerHoldsVersion2Async();
        Assert.Empty(await gateway.StepsAsync(LedgerSteps.Superseded));
    }

    private async Task AssertPartnerHoldsVersion2Async()
    {
        var plans = await new PartnerContents(Partner.BaseUrl).AllAsync("CarePlan");
        var plan = Assert.Single(plans);
        Assert.EndsWith(Corrected, (string?)plan["title"], StringComparison.Ordinal);
    }

    private static async Task AssertSupersededAsync(RealGateway gateway, string recordKey, string reason)
    {
        var trace = await gateway.Store.TraceAsync(recordKey, null, CancellationToken.None);
        var superseded = trace.Where(e => e.Step == LedgerSteps.Superseded).ToList();
        Assert.Contains(superseded, e => e.Draft.Detail!.StartsWith("CarePlan ", StringComparison.Ordinal) && e.Draft.Detail.Contains(reason, StringComparison.Ordinal));
        Assert.All(superseded, e => Assert.Contains("newer than", e.Draft.Detail, StringComparison.Ordinal));
        Assert.Contains(trace, e => e.Step == LedgerSteps.PartnerResponse && e.Draft.Status == "200");
    }

    private static byte[] Seed(string name) => File.ReadAllBytes(RepositoryFolder.Combine("seeds", name)!);

    /// <summary>The ALS care plan record; version 2 corrects its title.</summary>
    private static byte[] CarePlan(int version)
    {
        var json = JsonNode.Parse(Seed("als/03-care-plan.json"))!;
        json["version"] = version;
        if (version > 1) json["plan"]!["title"] = (string?)json["plan"]!["title"] + Corrected;
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }
}
