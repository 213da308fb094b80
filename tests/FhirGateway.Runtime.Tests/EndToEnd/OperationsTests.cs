using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Runtime.Tests.EndToEnd;

public sealed class OperationsTests : GatewayTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        // the partner's /metadata (read once before delivering) counts as one successful call
        settings["Delivery:CircuitBreaker:MinimumThroughput"] = "3";
        settings["Delivery:CircuitBreaker:BreakDuration"] = "00:01:00";
    }

    [Fact]
    public async Task Liveness_answers_200_and_readiness_reports_the_store_and_each_partners_circuit()
    {
        using var live = await Gateway.Http.GetAsync("/health/live");
        using var ready = await Gateway.Http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("store").GetProperty("status").GetString());
        Assert.Equal("closed", checks.GetProperty("partners").GetProperty("data").GetProperty(GatewayFixture.PartnerId).GetString());
    }

    [Fact]
    public async Task A_failing_partner_opens_its_circuit_which_readiness_reports_while_records_are_kept_for_later()
    {
        await ConsentAsync("p1");
        Partner.Always = new StubFault(Status: 503);
        await Gateway.WaitForStepAsync("consent-1", "partner-response");
        Gateway.Advance(TimeSpan.FromMinutes(5));
        await Gateway.WaitForStepAsync("consent-1", "partner-response", 2);
        Gateway.Advance(TimeSpan.FromMinutes(10));
        await Gateway.WaitForStepAsync("consent-1", LedgerSteps.RetryScheduled);

        using var ready = await Gateway.Http.GetAsync("/health/ready");
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("open", report.RootElement.GetProperty("checks").GetProperty("partners").GetProperty("data").GetProperty(GatewayFixture.PartnerId).GetString());
        var trace = await Gateway.Store.TraceAsync("consent-1", null, None);
        Assert.Equal((LedgerSteps.RetryScheduled, "circuit-open"), (trace[^1].Step, trace[^1].Draft.Status));
        Assert.Contains("not sent", trace[^1].Draft.Detail, StringComparison.Ordinal);
        Assert.Equal(2, trace.Count(e => e.Step == LedgerSteps.Sent));
        Assert.Equal(2, Partner.Posts);
        Assert.Equal(1, (await Gateway.Store.SummaryAsync(None)).DeliveriesPending);
    }

    [Fact]
    public async Task The_meters_count_records_in_delivered_held_retries_and_delivery_time()
    {
        var seen = new Dictionary<string, double>(StringComparer.Ordinal);
        var factory = Gateway.App.Services.GetRequiredService<IMeterFactory>(); // this host's meters only: tests run side by side
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GatewayMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => { lock (seen) seen[i.Name] = seen.GetValueOrDefault(i.Name) + v; });
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => { lock (seen) seen[i.Name] = seen.GetValueOrDefault(i.Name) + 1; });
        listener.Start();

        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.WaitForAsync(s => s.DeliveriesHeld == 1, "held");
        Partner.Faults.Enqueue(new StubFault(Status: 500));
        await ConsentAsync("p1");
        await Gateway.WaitForStepAsync("r1", "partner-response");
        Gateway.Advance(TimeSpan.FromMinutes(1));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2, "delivered");

        lock (seen)
        {
            Assert.Equal(2, seen["fhirgw.records.received"]);
            Assert.Equal(1, seen["fhirgw.deliveries.held"]);
            Assert.True(seen["fhirgw.deliveries.retries"] >= 1);
            Assert.Equal(2, seen["fhirgw.deliveries.delivered"]);
            Assert.True(seen["fhirgw.delivery.duration"] >= 2);
        }
    }

    [Fact]
    public async Task The_logs_of_a_run_name_records_but_never_patient_names_birth_dates_or_identifiers()
    {
        const string patient = "PAT-7781X";
        await ConsentAsync(patient);
        await Gateway.SubmitAsync(Records.Bytes("r1", patient));
        await Gateway.SubmitAsync(Records.Bytes("r2", patient, extra: ",\"invalid\":true"));
        Partner.Faults.Enqueue(new StubFault(Status: 422, Body: PartnerStub.Outcome("refused")));
        await Gateway.SubmitAsync(Records.Bytes("r3", "PAT-2")); // held: no consent
        await Gateway.WaitForAsync(s => s.Records == 4 && s.RecordsWaiting == 0 && s.DeliveriesPending == 0, "a quiet store");

        var log = await File.ReadAllTextAsync(GatewayHost.LogFile(Folder.Path));
        Assert.Contains("r1@1", log, StringComparison.Ordinal);
        Assert.DoesNotContain(patient, log, StringComparison.Ordinal);
        Assert.DoesNotContain("PAT-2", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada Quill", log, StringComparison.Ordinal);
        Assert.DoesNotContain("1961-04-12", log, StringComparison.Ordinal);
    }
}
