using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.EndToEnd;

public sealed class DeliveryTests : GatewayTestBase
{
    [Fact]
    public async Task Records_of_a_consenting_patient_reach_the_partner_as_transactions_with_AuditEvents_and_a_full_ledger()
    {
        await ConsentAsync("p1");
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.SubmitAsync(Records.Bytes("r2", "p1"));

        var summary = await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 3, "three deliveries");

        Assert.Equal(1, Partner.Server.Count("Patient"));
        Assert.Equal(2, Partner.Server.Count("Observation"));
        Assert.Equal(1, Partner.Server.Count("Consent"));
        Assert.Equal(3, summary.AuditEvents);
        var steps = (await Gateway.Store.TraceAsync("r1", null, None)).Select(e => e.Step).ToList();
        Assert.Equal([LedgerSteps.Received, LedgerSteps.Mapped, LedgerSteps.Validated, LedgerSteps.Sent, LedgerSteps.PartnerResponse], steps);
        var response = (await Gateway.Store.TraceAsync("r1", null, None))[^1];
        Assert.Equal(("hosp-a", "200"), (response.Draft.PartnerId, response.Draft.Status));
        Assert.Contains(response.Draft.Resources, r => r.StartsWith("Observation/", StringComparison.Ordinal) && r.Contains("/_history/", StringComparison.Ordinal));
        Assert.True((await Gateway.VerifyLedgerAsync()).Intact);
    }

    [Fact]
    public async Task The_observation_references_the_partners_patient_after_urn_rewriting()
    {
        await ConsentAsync("p1");
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2, "two deliveries");

        var patient = Assert.Single(Partner.Server.All("Patient"));
        var observation = Assert.Single(Partner.Server.All("Observation"));
        Assert.Equal($"Patient/{(string?)patient["id"]}", (string?)observation["subject"]!["reference"]);
    }

    [Fact]
    public async Task No_consent_no_delivery_then_the_held_records_go_in_order_when_consent_arrives()
    {
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.SubmitAsync(Records.Bytes("r2", "p1"));
        var held = await Gateway.WaitForAsync(s => s.DeliveriesHeld == 2, "two held deliveries");

        Assert.Equal(0, Partner.Posts);
        Assert.Equal(0, held.DeliveriesDelivered);
        Assert.All(await Gateway.Store.ListHeldAsync(None), h => Assert.Equal("no-consent", h.Reason));

        await ConsentAsync("p1");
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 3, "delivery after consent");

        var trace = await Gateway.Store.TraceAsync(null, "p1", None);
        Assert.Contains(trace, e => e.Step == LedgerSteps.Released && e.RecordKey == "r1@1");
        var sentOrder = trace.Where(e => e.Step == LedgerSteps.Sent).Select(e => e.RecordKey).ToList();
        Assert.True(sentOrder.IndexOf("r1@1") < sentOrder.IndexOf("r2@1"), string.Join(", ", sentOrder));
    }

    [Fact]
    public async Task A_consent_that_starts_later_holds_the_records_until_it_is_in_force_and_one_that_ended_holds_them_again()
    {
        await Gateway.SubmitAsync(Records.Consent("consent-1", "p1", GatewayFixture.PartnerOrg,
            period: ",\"start\":\"2026-03-02T00:00:00Z\",\"end\":\"2026-03-03T00:00:00Z\""));
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.WaitForAsync(s => s.DeliveriesHeld == 2, "held before the consent starts");

        Gateway.Advance(TimeSpan.FromDays(1));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2, "released once the consent is in force");

        Gateway.Advance(TimeSpan.FromDays(2));
        await Gateway.SubmitAsync(Records.Bytes("r2", "p1"));
        await Gateway.WaitForAsync(s => s.DeliveriesHeld == 1, "held after the consent ended");
        Assert.Equal(1, Partner.Server.Count("Observation"));
    }

    [Fact]
    public async Task A_withdrawn_consent_holds_the_records_after_it()
    {
        await ConsentAsync("p1");
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2, "delivery under consent");

        await ConsentAsync("p1", active: false, version: 2);
        await Gateway.SubmitAsync(Records.Bytes("r2", "p1"));
        await Gateway.WaitForAsync(s => s.DeliveriesHeld >= 1, "held after withdrawal");

        Assert.Equal(1, Partner.Server.Count("Observation"));
    }

    [Fact]
    public async Task A_redelivery_after_a_lost_answer_creates_no_duplicate_resources()
    {
        await ConsentAsync("p1");
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 1, "consent delivered");
        Partner.Faults.Enqueue(new StubFault(Status: 503, CommitFirst: true));
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.WaitForStepAsync("r1", LedgerSteps.PartnerResponse);

        Gateway.Advance(TimeSpan.FromMinutes(1));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2, "redelivery");

        Assert.Equal(3, Partner.Posts);
        Assert.Equal(1, Partner.Server.Count("Patient"));
        Assert.Equal(1, Partner.Server.Count("Observation"));
    }

    [Fact]
    public async Task A_corrected_version_updates_the_partners_resource_instead_of_adding_one()
    {
        await ConsentAsync("p1");
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2, "first version");
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1", version: 2));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 3, "second version");

        var observation = Assert.Single(Partner.Server.All("Observation"));
        Assert.Equal("2", (string?)observation["meta"]!["versionId"]);
        Assert.Equal("biomarker-panel v2", (string?)observation["code"]!["text"]);
    }

    [Fact]
    public async Task Retry_After_is_honoured_to_the_second_on_the_clock()
    {
        await ConsentAsync("p1");
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 1, "consent delivered");
        Partner.Faults.Enqueue(new StubFault(Status: 429, RetryAfter: 120));
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.WaitForStepAsync("r1", LedgerSteps.PartnerResponse);

        Gateway.Advance(TimeSpan.FromSeconds(119));
        await Task.Delay(300); // several poll intervals of the workers
        Assert.Equal(2, Partner.Posts);

        Gateway.Advance(TimeSpan.FromSeconds(2));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2, "delivery after Retry-After");
        var retry = (await Gateway.Store.TraceAsync("r1", null, None)).First(e => e.Step == LedgerSteps.PartnerResponse);
        Assert.Equal("429", retry.Draft.Status);
        Assert.Contains("retry at 2026-03-01T09:02:00.000Z", retry.Draft.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_refusal_with_an_OperationOutcome_parks_the_delivery_with_that_outcome()
    {
        await ConsentAsync("p1");
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 1, "consent delivered");
        Partner.Faults.Enqueue(new StubFault(Status: 422, Body: PartnerStub.Outcome("Observation.code is not in the hospital's lab catalogue")));
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));

        await Gateway.WaitForAsync(s => s.DeliveriesParked == 1, "parked delivery");

        var parked = Assert.Single(await Gateway.Store.ListParkedAsync(None));
        Assert.Equal(("r1@1", "hosp-a", "delivery"), (parked.RecordKey, parked.PartnerId, parked.Step));
        Assert.Contains("not in the hospital's lab catalogue", parked.OperationOutcome, StringComparison.Ordinal);
        var audit = Assert.Single(await Gateway.Store.ListAuditEventsAsync("r1@1", None));
        Assert.Contains("\"outcome\":\"4\"", System.Text.Encoding.UTF8.GetString(audit.Json.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_answer_within_the_timeout_is_delivered_and_one_past_it_is_retried()
    {
        await ConsentAsync("p1");
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 1, "consent delivered");
        Partner.Faults.Enqueue(new StubFault(Delay: TimeSpan.FromSeconds(5)));
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.WaitForStepAsync("r1", LedgerSteps.PartnerResponse);

        Partner.Faults.Enqueue(new StubFault(Delay: TimeSpan.FromMilliseconds(300)));
        Gateway.Advance(TimeSpan.FromMinutes(1));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2, "the slow delivery");

        var timeout = (await Gateway.Store.TraceAsync("r1", null, None)).First(e => e.Step == LedgerSteps.PartnerResponse);
        Assert.Equal("timeout", timeout.Draft.Status);
        Assert.Equal(1, Partner.Server.Count("Observation"));
    }

    [Fact]
    public async Task A_batch_the_partner_refuses_is_sent_again_record_by_record_so_only_the_bad_one_parks()
    {
        Partner.Faults.Enqueue(new StubFault(Delay: TimeSpan.FromSeconds(1))); // the first POST is slow, so the rest queue up behind it
        Partner.RefuseContaining["\"value\":\"bad\""] = PartnerStub.Outcome("refused the record bad");
        await ConsentAsync("p1");
        await ConsentAsync("p2", "consent-2");
        await Gateway.SubmitAsync(Records.Bytes("good", "p1"));
        await Gateway.SubmitAsync(Records.Bytes("bad", "p2"));

        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 3 && s.DeliveriesParked == 1, "three delivered, one parked");

        var parked = Assert.Single(await Gateway.Store.ListParkedAsync(None));
        Assert.Equal("bad@1", parked.RecordKey);
        Assert.Contains("refused the record bad", parked.OperationOutcome, StringComparison.Ordinal);
        Assert.Contains(await Gateway.Store.TraceAsync("good", null, None), e => e.Draft.Detail?.Contains("one record per transaction", StringComparison.Ordinal) == true);
        Assert.Equal(1, Partner.Server.Count("Observation"));
    }
}
