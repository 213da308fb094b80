using FhirGateway.Runtime.Inbound;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Tests.Support;
using FhirGateway.Testing.Partners;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Runtime.Tests.Inbound;

/// <summary>Polling against the Medplum partner: what its team records reaches the clinic once, across restarts, never the gateway's own writes.</summary>
public sealed class PollingTests : MedplumInboundTestBase
{
    protected override string Mode => "Poll";

    [MedplumFact]
    public async Task A_resource_created_at_the_partner_reaches_the_feed_and_the_outbox_once_matched_to_the_clinic_patient()
    {
        var patient = await PatientAtPartnerAsync("p1");
        var created = await ObservationAtPartnerAsync(patient, 1);

        var items = await InboundFeed.WaitForAsync(Gateway.Http, 1, "the partner's observation");
        await Task.Delay(1000); // several more polls: a repeat would show now

        var item = Assert.Single(await InboundFeed.ReadAllAsync(Gateway.Http));
        Assert.Equal($"Observation/{created["id"]}/_history/{created["meta"]!["versionId"]}", (string)item["resource"]!);
        Assert.Equal("p1", (string?)item["patient"]);
        Assert.True((bool)item["valid"]!);
        Assert.Equal((string)created["id"]!, (string)item["content"]!["id"]!);
        var file = Path.Combine(Outbox, (string)item["outbox"]!);
        await WaitForFileAsync(file);
        Assert.StartsWith(Path.Combine(Outbox, "p1") + Path.DirectorySeparatorChar, file, StringComparison.Ordinal);
        Assert.Contains((string)created["id"]!, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Outbox, "*.tmp", SearchOption.AllDirectories));
    }

    [MedplumFact]
    public async Task A_resource_reaches_the_clinic_once_across_a_gateway_restart_and_later_ones_follow()
    {
        var patient = await PatientAtPartnerAsync("p1");
        await ObservationAtPartnerAsync(patient, 1);
        await InboundFeed.WaitForAsync(Gateway.Http, 1, "the first observation");
        await Gateway.DisposeAsync();
        await ObservationAtPartnerAsync(patient, 2); // while the gateway is down
        Gateway = await StartGatewayAsync();
        await ObservationAtPartnerAsync(patient, 3);

        await InboundFeed.WaitForAsync(Gateway.Http, 3, "every observation after the restart");
        await Task.Delay(1000);

        var items = await InboundFeed.ReadAllAsync(Gateway.Http);
        Assert.Equal(3, items.Count);
        Assert.Equal(3, items.Select(i => (string)i["resource"]!).Distinct().Count());
        var cursor = await Gateway.App.Services.GetRequiredService<IInboundStore>().GetCursorAsync(GatewayFixture.PartnerId, "Observation", CancellationToken.None);
        Assert.Equal(DateTimeOffset.Parse((string)items[^1]["content"]!["meta"]!["lastUpdated"]!, System.Globalization.CultureInfo.InvariantCulture), cursor);
    }

    [MedplumFact]
    public async Task Resources_in_the_clinics_own_identifier_namespace_are_not_taken_back_as_the_partners()
    {
        var patient = await PatientAtPartnerAsync("p1");
        await ObservationAtPartnerAsync(patient, 1, identifierSystem: "https://fhir.helixneuro.clinic/sid/result");
        var theirs = await ObservationAtPartnerAsync(patient, 2);

        await InboundFeed.WaitForAsync(Gateway.Http, 1, "the partner's own observation");
        await Task.Delay(1000);

        var item = Assert.Single(await InboundFeed.ReadAllAsync(Gateway.Http));
        Assert.Equal((string)theirs["id"]!, (string)item["id"]!);
    }

    [MedplumFact]
    public async Task A_resource_whose_patient_carries_no_clinic_MRN_is_kept_and_flagged_unmatched()
    {
        var stranger = "Patient/" + (string)(await InboundFeed.CreateAsync(PartnerHttp, new System.Text.Json.Nodes.JsonObject { ["resourceType"] = "Patient" }))["id"]!;
        var created = await ObservationAtPartnerAsync(stranger, 1);

        var item = Assert.Single(await InboundFeed.WaitForAsync(Gateway.Http, 1, "the unmatched observation"));

        Assert.Null((string?)item["patient"]);
        Assert.Contains("unmatched-patient", item["flags"]!.AsArray().Select(f => (string)f!));
        Assert.Contains("gw-inbound-unmatched-patient", item["outcome"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.StartsWith(OutboxNames.Unmatched + "/", (string)item["outbox"]!, StringComparison.Ordinal);
        var trace = await Gateway.Store.TraceAsync(InboundLedger.RecordKey(GatewayFixture.PartnerId, "Observation", (string)created["id"]!), null, CancellationToken.None);
        Assert.Contains(trace, e => e.Step == InboundLedger.ReceivedFromPartner && e.Draft.Resources.Single().StartsWith($"Observation/{created["id"]}/_history/", StringComparison.Ordinal));
    }

    [MedplumFact]
    public async Task Every_update_is_in_the_ledger_as_received_from_partner_and_handed_to_clinic_and_the_chain_stays_intact()
    {
        var patient = await PatientAtPartnerAsync("p7");
        var created = await ObservationAtPartnerAsync(patient, 1);
        var item = Assert.Single(await InboundFeed.WaitForAsync(Gateway.Http, 1, "the observation"));
        await WaitForFileAsync(Path.Combine(Outbox, (string)item["outbox"]!));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<LedgerEntry> trace;
        while ((trace = await Gateway.Store.TraceAsync(null, "p7", CancellationToken.None)).Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(50);

        Assert.Equal([InboundLedger.ReceivedFromPartner, InboundLedger.HandedToClinic], trace.Select(e => e.Step));
        Assert.All(trace, e => Assert.Equal(GatewayFixture.PartnerId, e.Draft.PartnerId));
        Assert.Equal("valid", trace[0].Draft.Status);
        Assert.Equal($"Observation/{created["id"]}/_history/{created["meta"]!["versionId"]}", Assert.Single(trace[0].Draft.Resources));
        Assert.True((await LedgerVerifier.VerifyAsync(Gateway.Store.ReadLedgerAsync(CancellationToken.None), CancellationToken.None)).Intact);
    }

    private static async Task WaitForFileAsync(string file)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(file))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("no outbox file " + file);
            await Task.Delay(50);
        }
    }
}
