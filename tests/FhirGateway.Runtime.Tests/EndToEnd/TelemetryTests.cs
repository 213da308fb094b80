using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.EndToEnd;

/// <summary>
/// Metric and trace listeners are process-wide, so these tests run alone: another test's gateway in the same process
/// would add its meters and spans to what this one reads.
/// </summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>Prometheus at /metrics, the spans of a record's way (keys, never patients), and the OpenAPI description.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests : GatewayTestBase
{
    [Fact]
    public async Task Metrics_are_scraped_in_Prometheus_text_with_the_record_counters_and_the_queue_per_partner_and_state()
    {
        await ConsentAsync("p1");
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 1, "consent delivered");
        const string queue = "fhirgw_deliveries_queue[^\\n]*partner=\"hosp-a\"[^\\n]*state=\"delivered\"[^\\n]* 1";
        var text = "";
        for (var i = 0; i < 150 && !System.Text.RegularExpressions.Regex.IsMatch(text, queue); i++)
        {
            await Task.Delay(100);
            text = await Gateway.Http.GetStringAsync("/metrics");
        }
        Assert.Contains("fhirgw_records_received_total", text, StringComparison.Ordinal);
        Assert.Contains("fhirgw_delivery_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Matches(queue, text);
        Assert.DoesNotContain("p1", text.Split('\n').Where(l => !l.StartsWith('#')).SelectMany(l => l.Split('{', ',', '}')).Where(t => t.Contains('=')), StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_records_way_is_traced_intake_pipeline_map_validate_delivery_with_its_key_and_no_patient()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == GatewayTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await ConsentAsync("p1");
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered >= 2, "both delivered");

        var ofRecord = spans.Where(a => (a.GetTagItem(GatewayTracing.RecordKey) as string)?.Contains("r1@1", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["delivery", "intake", "map", "pipeline", "validate"], ofRecord.Select(a => a.OperationName).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("hosp-a", ofRecord.First(a => a.OperationName == "delivery").GetTagItem(GatewayTracing.Partner));
        var map = ofRecord.First(a => a.OperationName == "map");
        Assert.Equal(ofRecord.First(a => a.OperationName == "pipeline").SpanId, map.ParentSpanId);
        Assert.DoesNotContain(spans.SelectMany(a => a.TagObjects), t => t.Value as string == "p1");
    }

    [Fact]
    public async Task The_OpenAPI_description_lists_the_endpoints_with_OperationOutcome_refusals()
    {
        using var response = await Gateway.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/records", out var records));
        Assert.True(paths.TryGetProperty("/records/{receipt}", out _));
        var refusal = records.GetProperty("post").GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty("application/fhir+json");
        Assert.Contains("OperationOutcome", refusal.GetProperty("schema").GetRawText(), StringComparison.Ordinal);
        Assert.True(doc.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("OutcomeIssue", out _));
        Assert.False(paths.TryGetProperty("/console/records", out _));
    }
}
