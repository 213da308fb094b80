using System.Text.Json;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.EndToEnd;

public sealed class PipelineTests : GatewayTestBase
{
    [Fact]
    public async Task A_record_the_validator_refuses_is_parked_with_the_validators_OperationOutcome_and_never_sent()
    {
        await ConsentAsync("p1");
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1", extra: ",\"invalid\":true"));

        await Gateway.WaitForAsync(s => s.RecordsParked == 1, "a parked record");

        var parked = Assert.Single(await Gateway.Store.ListParkedAsync(None));
        Assert.Equal(("r1@1", "validation", null), (parked.RecordKey, parked.Step, parked.PartnerId));
        using var outcome = JsonDocument.Parse(parked.OperationOutcome);
        var issue = outcome.RootElement.GetProperty("issue")[0];
        Assert.Equal("json-unknown-property", issue.GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal("Observation.colour", issue.GetProperty("expression")[0].GetString());
        Assert.DoesNotContain(await Gateway.Store.TraceAsync("r1", null, None), e => e.Step == LedgerSteps.Sent);
        Assert.Equal(0, Partner.Server.Count("Observation"));
    }

    [Fact]
    public async Task A_record_that_cannot_be_mapped_is_parked_with_the_mappers_reasons_and_replay_runs_it_again_after_a_fix()
    {
        await ConsentAsync("p1");
        Gateway.Mapper.Unmappable["r1"] = true;
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.WaitForAsync(s => s.RecordsParked == 1, "a parked record");
        var parked = Assert.Single(await Gateway.Store.ListParkedAsync(None));
        Assert.Equal("mapping", parked.Step);
        Assert.Contains("record-wrong-field", parked.OperationOutcome, StringComparison.Ordinal);

        Gateway.Mapper.Unmappable.TryRemove("r1", out _);
        Assert.Equal(["r1@1"], await Gateway.Store.ReplayAsync("r1", None));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2 && s.RecordsParked == 0, "the replayed record delivered");

        var steps = (await Gateway.Store.TraceAsync("r1", null, None)).Select(e => e.Step).ToList();
        Assert.Equal([LedgerSteps.Received, LedgerSteps.Parked, LedgerSteps.Replayed, LedgerSteps.Mapped, LedgerSteps.Validated, LedgerSteps.Sent, LedgerSteps.PartnerResponse], steps);
    }

    [Fact]
    public async Task A_partner_only_gets_the_patients_and_record_kinds_it_follows()
    {
        await Gateway.DisposeAsync();
        Gateway = await GatewayFixture.StartAsync(Folder.Path, Partner.BaseUrl, s =>
        {
            s["Partners:0:Patients:0"] = "p1";
            s["Partners:0:RecordKinds:0"] = "consent";
            s["Partners:0:RecordKinds:1"] = "assessment";
        });
        await ConsentAsync("p1");
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1", kind: "assessment"));
        await Gateway.SubmitAsync(Records.Bytes("r2", "p1", kind: "infusion"));
        await Gateway.SubmitAsync(Records.Bytes("r3", "p2", kind: "assessment"));

        await Gateway.WaitForAsync(s => s.RecordsRouted == 4 && s.DeliveriesDelivered == 2, "routing");

        Assert.Equal(1, Partner.Server.Count("Observation"));
        Assert.Equal("assessment v1", (string?)Partner.Server.All("Observation")[0]["code"]!["text"]);
    }
}
