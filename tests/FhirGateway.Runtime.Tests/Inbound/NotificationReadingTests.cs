using System.Text;
using System.Text.Json.Nodes;
using FhirGateway.Runtime.Inbound;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.Inbound;

public sealed class NotificationReadingTests
{
    private static readonly JsonObject Obs = new() { ["resourceType"] = "Observation", ["id"] = "o1", ["status"] = "final" };

    private static SubscriptionNotification? Read(JsonNode bundle, out string? problem) =>
        SubscriptionNotification.Read(Encoding.UTF8.GetBytes(bundle.ToJsonString()), out problem);

    [Fact]
    public void Reads_the_subscription_type_event_count_events_and_carried_resources_of_a_backport_notification()
    {
        using var n = Read(BackportNotifications.Build("Subscription/s1", "event-notification", 7, [(6, Obs), (7, Obs)]), out var problem);

        Assert.Null(problem);
        Assert.Equal("Subscription/s1", n!.Subscription);
        Assert.Equal("event-notification", n.Type);
        Assert.Equal(7, n.EventsSinceStart);
        Assert.Equal([6L, 7L], n.Events.Select(e => e.Number));
        Assert.Equal("Observation/o1", n.Events[0].Focus);
        Assert.Equal(2, n.Resources.Count);
        Assert.Empty(n.Missing);
    }

    [Fact]
    public void An_id_only_notification_names_what_it_does_not_carry()
    {
        using var n = Read(BackportNotifications.Build("Subscription/s1", "event-notification", 1, [(1, Obs)], idOnly: true), out _);

        Assert.Empty(n!.Resources);
        Assert.Contains("http://partner.example/fhir/Observation/o1", n.Missing);
    }

    [Theory]
    [InlineData("""{"resourceType":"Bundle","type":"collection"}""", "not history")]
    [InlineData("""{"resourceType":"Patient"}""", "not a Bundle")]
    [InlineData("""{"resourceType":"Bundle","type":"history","entry":[{"resource":{"resourceType":"Patient"}}]}""", "not a SubscriptionStatus")]
    [InlineData("""{"resourceType":"Bundle","type":"history","entry":[{"resource":{"resourceType":"Parameters","parameter":[{"name":"type","valueCode":"heartbeat"}]}}]}""", "names no subscription")]
    [InlineData("""{"resourceType":"Bundle","type":"history","entry":[{"resource":{"resourceType":"Parameters","parameter":[{"name":"subscription","valueReference":{"reference":"Subscription/1"}},{"name":"type","valueCode":"nonsense"}]}}]}""", "not a notification type")]
    [InlineData("""{"resourceType":"Bundle","type":"history","entry":[{"resource":{"resourceType":"Parameters","parameter":[{"name":"subscription","valueReference":{"reference":"Subscription/1"}},{"name":"type","valueCode":"event-notification"},{"name":"notification-event","part":[{"name":"focus","valueReference":{"reference":"Observation/1"}}]}]}}]}""", "no event-number")]
    [InlineData("""{"resourceType":""", "not JSON")]
    public void Says_why_a_body_is_not_a_notification(string body, string reason)
    {
        Assert.Null(SubscriptionNotification.Read(Encoding.UTF8.GetBytes(body), out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1L, 1L, 1L, false)]
    [InlineData(1, 2L, 2L, 2L, false)]
    [InlineData(1, 3L, 3L, 3L, true)]   // #2 missed
    [InlineData(5, 3L, 3L, 5L, false)]  // a late or repeated notification
    [InlineData(2, null, null, 2L, false)] // a heartbeat in step
    [InlineData(2, null, null, 4L, true)]  // a heartbeat ahead: #3 and #4 missed
    [InlineData(0, null, null, 0L, false)] // handshake
    public void A_gap_is_a_first_event_beyond_the_next_or_an_event_count_beyond_the_highest_seen(long last, long? first, long? highest, long? since, bool gap)
    {
        Assert.Equal(gap, EventGap.Detect(last, first, highest, since));
        Assert.Equal(Math.Max(last, Math.Max(highest ?? 0, since ?? 0)), EventGap.Advance(last, highest, since));
    }
}
