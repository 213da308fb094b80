using System.Text.Json.Nodes;
using FhirGateway.Runtime.Tests.Support;
using FhirGateway.Testing.Partners;

namespace FhirGateway.Runtime.Tests.Inbound;

/// <summary>What the gateway delivers to the Medplum partner never comes back as the partner's update, and the partner ids its answers named match later updates to the clinic patient.</summary>
public sealed class EchoTests : MedplumInboundTestBase
{
    protected override string Mode => "Poll";

    [MedplumFact]
    public async Task Resources_the_gateway_delivered_are_not_taken_back_and_the_partners_own_updates_about_that_patient_match_it()
    {
        await Gateway.SubmitAsync(Records.Consent("consent-1", "p1", GatewayFixture.PartnerOrg, active: true, version: 1));
        await Gateway.SubmitAsync(Records.Bytes("rec-1", "p1"));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2, "both records delivered to Medplum");
        var patients = JsonNode.Parse(await PartnerHttp.GetStringAsync("Patient"))!["entry"]!.AsArray();
        var patient = "Patient/" + (string)Assert.Single(patients)!["resource"]!["id"]!; // carries no clinic MRN: only the ledger knows it is p1

        var theirs = await ObservationAtPartnerAsync(patient, 1);
        var item = Assert.Single(await InboundFeed.WaitForAsync(Gateway.Http, 1, "the partner's own observation"));
        await Task.Delay(1000); // more polls: the delivered Observation and Consent would show now

        Assert.Single(await InboundFeed.ReadAllAsync(Gateway.Http));
        Assert.Equal((string)theirs["id"]!, (string)item["id"]!);
        Assert.Equal("p1", (string?)item["patient"]);
    }
}
