using System.Text;
using System.Text.Json;
using Azure.Messaging.ServiceBus;
using FhirGateway.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FhirGateway.Runtime.Tests.ServiceBus;

/// <summary>The whole gateway with the Service Bus edge on, its client replaced by the SDK's mocking seams.</summary>
public sealed class ServiceBusEdgeTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly TestServiceBusClient _client = new();
    private PartnerStub _partner = null!;
    private GatewayFixture _gateway = null!;

    public async Task InitializeAsync()
    {
        _partner = await PartnerStub.StartAsync();
        _gateway = await GatewayFixture.StartAsync(_folder.Path, _partner.BaseUrl, s =>
        {
            s["ServiceBus:Enabled"] = "true";
            s["ServiceBus:ConnectionString"] = "Endpoint=sb://test.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=a2V5";
            s["ServiceBus:IntakeQueue"] = "records";
            s["ServiceBus:NotificationsTopic"] = "gateway-events";
            s["ServiceBus:NotificationPollInterval"] = "00:00:00.05";
        }, services: s => s.Replace(ServiceDescriptor.Singleton<ServiceBusClient>(_client)));
        await WaitUntilAsync(() => _client.HasProcessor && _client.Processor.Started, "the session processor to start");
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _partner.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public void The_queue_is_read_in_PeekLock_one_message_per_session_at_a_time_with_lock_renewal_and_no_auto_completion()
    {
        var o = Assert.IsType<ServiceBusSessionProcessorOptions>(_client.ProcessorOptions);
        Assert.Equal("records", _client.ProcessorQueue);
        Assert.Equal(ServiceBusReceiveMode.PeekLock, o.ReceiveMode);
        Assert.False(o.AutoCompleteMessages);
        Assert.Equal(1, o.MaxConcurrentCallsPerSession);
        Assert.True(o.MaxAutoLockRenewalDuration > TimeSpan.Zero);
    }

    [Fact]
    public async Task Records_from_the_queue_reach_the_partner_in_each_patients_order_and_their_events_reach_the_topic_without_patient_data()
    {
        var a = new RecordingSessionReceiver("p1");
        var b = new RecordingSessionReceiver("p2");
        await _gateway.SubmitAsync(Records.Consent("c1", "p1", GatewayFixture.PartnerOrg));
        await _gateway.SubmitAsync(Records.Consent("c2", "p2", GatewayFixture.PartnerOrg));
        // interleaved sessions; each session's messages one after the other, as the session processor hands them over
        await _client.Processor.DeliverAsync(Messages.Received(Records.Bytes("a1", "p1"), "p1", "a1"), a);
        await _client.Processor.DeliverAsync(Messages.Received(Records.Bytes("b1", "p2"), "p2", "b1"), b);
        await _client.Processor.DeliverAsync(Messages.Received(Records.Bytes("a2", "p1", version: 1, extra: ",\"n\":2"), "p1", "a2"), a);
        await _client.Processor.DeliverAsync(Messages.Received(Records.Bytes("b2", "p2"), "p2", "b2"), b);

        await _gateway.WaitForAsync(s => s.DeliveriesDelivered == 6, "six deliveries");
        Assert.Equal(["a1", "a2"], a.Settled.Where(s => s.How == "complete").Select(s => s.MessageId));
        Assert.Equal(["b1", "b2"], b.Settled.Where(s => s.How == "complete").Select(s => s.MessageId));
        foreach (var patient in new[] { "p1", "p2" })
        {
            var sent = (await _gateway.Store.TraceAsync(null, patient, CancellationToken.None)).Where(e => e.Step == "sent").Select(e => e.RecordKey).ToList();
            var first = sent.FindIndex(k => k.StartsWith(patient == "p1" ? "a1" : "b1", StringComparison.Ordinal));
            var second = sent.FindIndex(k => k.StartsWith(patient == "p1" ? "a2" : "b2", StringComparison.Ordinal));
            Assert.True(first >= 0 && first < second, string.Join(", ", sent));
        }

        await WaitUntilAsync(() => _client.Sender.Sent.Count(m => m.Subject == "delivered") >= 6, "six delivered events");
        Assert.Equal("gateway-events", _client.Sender.EntityPath);
        var delivered = _client.Sender.Sent.Where(m => m.Subject == "delivered").ToList();
        Assert.Contains(delivered, m => (string)m.ApplicationProperties["recordKey"] == "a1@1" && (string)m.ApplicationProperties["partner"] == GatewayFixture.PartnerId);
        Assert.Equal(delivered.Count, delivered.Select(m => m.MessageId).Distinct().Count());
        foreach (var m in _client.Sender.Sent)
        {
            var text = Encoding.UTF8.GetString(m.Body.ToArray()) + string.Join(",", m.ApplicationProperties.Values);
            Assert.DoesNotContain("Ada Quill", text, StringComparison.Ordinal);
            Assert.DoesNotContain("1961-04-12", text, StringComparison.Ordinal);
            Assert.DoesNotContain("p1", text, StringComparison.Ordinal);
            Assert.DoesNotContain("p2", text, StringComparison.Ordinal);
            Assert.Empty(PatientFields(m));
        }
    }

    [Fact]
    public async Task A_held_record_is_announced_as_held_and_then_released_when_consent_arrives()
    {
        var a = new RecordingSessionReceiver("p1");
        await _client.Processor.DeliverAsync(Messages.Received(Records.Bytes("a1", "p1"), "p1", "a1"), a);
        await _gateway.WaitForAsync(s => s.DeliveriesHeld == 1, "a held delivery");
        await WaitUntilAsync(() => _client.Sender.Sent.Any(m => m.Subject == "held"), "a held event");

        await _gateway.SubmitAsync(Records.Consent("c1", "p1", GatewayFixture.PartnerOrg));

        await WaitUntilAsync(() => _client.Sender.Sent.Any(m => m.Subject == "released"), "a released event");
        var held = _client.Sender.Sent.First(m => m.Subject == "held");
        Assert.Equal("no-consent", held.ApplicationProperties["outcome"]);
    }

    /// <summary>The event body's fields that could name a patient (there must be none).</summary>
    private static string PatientFields(ServiceBusMessage m)
    {
        using var doc = JsonDocument.Parse(m.Body.ToArray());
        return string.Join(",", doc.RootElement.EnumerateObject().Where(p => p.Name.Contains("patient", StringComparison.OrdinalIgnoreCase)).Select(p => p.Value.ToString()));
    }

    private static async Task WaitUntilAsync(Func<bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}");
            await Task.Delay(25);
        }
    }
}
