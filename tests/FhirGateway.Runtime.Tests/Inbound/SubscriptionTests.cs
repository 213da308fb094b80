using System.Net;
using System.Text.Json.Nodes;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Tests.Support;
using FhirGateway.Testing.Partners;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Runtime.Tests.Inbound;

/// <summary>
/// The rest-hook path against the Medplum partner: its in-memory engine sends no notifications, so the tests post
/// the Backport notification Bundles a partner's server would send, for resources really created at Medplum; a
/// missed notification is a skipped event number, recovered by the gateway's re-query of Medplum.
/// </summary>
public sealed class SubscriptionTests : MedplumInboundTestBase
{
    private const string Subscription = "Subscription/neuro-1";

    protected override string Mode => "Subscription";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Partners:0:Inbound:PollInterval"] = "00:00:30"; // only the notifications and their gaps make it search
    }

    private Task<HttpResponseMessage> NotifyAsync(string type, long since, params (long, JsonObject)[] events) =>
        BackportNotifications.PostAsync(Gateway.Http, GatewayFixture.PartnerId, BackportNotifications.Build(Subscription, type, since, events), NotificationToken);

    [MedplumFact]
    public async Task A_notified_resource_is_stored_before_the_200_and_reaches_the_feed_once_however_often_it_is_notified()
    {
        var patient = await PatientAtPartnerAsync("p1");
        using (var handshake = await NotifyAsync("handshake", 0)) Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
        var obs = await ObservationAtPartnerAsync(patient, 1);

        using var first = await NotifyAsync("event-notification", 1, (1, obs));
        var afterFirst = await InboundFeed.ReadAllAsync(Gateway.Http);
        using var again = await NotifyAsync("event-notification", 1, (1, obs));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var item = Assert.Single(afterFirst); // in the feed as soon as the 200 came back
        Assert.Equal("subscription", (string)item["via"]!);
        Assert.Equal("p1", (string?)item["patient"]);
        Assert.Single(await InboundFeed.ReadAllAsync(Gateway.Http));
    }

    [MedplumFact]
    public async Task An_id_only_notification_is_completed_by_reading_the_resource_from_the_partner()
    {
        var patient = await PatientAtPartnerAsync("p1");
        var obs = await ObservationAtPartnerAsync(patient, 1);

        using var response = await BackportNotifications.PostAsync(Gateway.Http, GatewayFixture.PartnerId,
            BackportNotifications.Build(Subscription, "event-notification", 1, [(1, obs)], idOnly: true), NotificationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single(await InboundFeed.ReadAllAsync(Gateway.Http));
        Assert.Equal((string)obs["id"]!, (string)item["id"]!);
    }

    [MedplumFact]
    public async Task A_missed_notification_is_seen_as_a_gap_in_event_numbers_and_recovered_by_re_query_exactly_once()
    {
        await WaitForRecoveryDoneAsync();
        var patient = await PatientAtPartnerAsync("p1");
        var one = await ObservationAtPartnerAsync(patient, 1);
        using (var r = await NotifyAsync("event-notification", 1, (1, one))) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var missed = await ObservationAtPartnerAsync(patient, 2); // its notification (#2) never comes
        var three = await ObservationAtPartnerAsync(patient, 3);

        using (var r = await NotifyAsync("event-notification", 3, (3, three))) Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        await InboundFeed.WaitForAsync(Gateway.Http, 3, "event 2, recovered by re-query");
        await Task.Delay(1000);
        var items = await InboundFeed.ReadAllAsync(Gateway.Http);
        Assert.Equal([(string)one["id"]!, (string)three["id"]!, (string)missed["id"]!], items.Select(i => (string)i["id"]!));
        Assert.Equal(["subscription", "subscription", "requery"], items.Select(i => (string)i["via"]!));
    }

    [MedplumFact]
    public async Task A_heartbeat_whose_event_count_is_ahead_of_what_arrived_triggers_the_re_query()
    {
        await WaitForRecoveryDoneAsync();
        var patient = await PatientAtPartnerAsync("p1");
        var missed = await ObservationAtPartnerAsync(patient, 1);

        using var heartbeat = await NotifyAsync("heartbeat", 1);

        Assert.Equal(HttpStatusCode.OK, heartbeat.StatusCode);
        var item = Assert.Single(await InboundFeed.WaitForAsync(Gateway.Http, 1, "the re-query after the heartbeat"));
        Assert.Equal((string)missed["id"]!, (string)item["id"]!);
        Assert.Equal("requery", (string)item["via"]!);
    }

    [MedplumFact]
    public async Task An_invalid_resource_in_a_notification_is_kept_and_flagged_with_its_outcome()
    {
        await WaitForRecoveryDoneAsync();
        var invalid = new JsonObject { ["resourceType"] = "Observation", ["id"] = "bad-1", ["meta"] = new JsonObject { ["versionId"] = "1" }, ["status"] = "not-a-status" };

        using var response = await NotifyAsync("event-notification", 1, (1, invalid));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single(await InboundFeed.ReadAllAsync(Gateway.Http));
        Assert.False((bool)item["valid"]!);
        Assert.Contains("invalid", item["flags"]!.AsArray().Select(f => (string)f!));
        Assert.Contains("Observation.status", item["outcome"]!.ToJsonString(), StringComparison.Ordinal);
        var file = Path.Combine(Outbox, (string)item["outbox"]!);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(file) && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(File.Exists(Path.Combine(Outbox, FhirGateway.Runtime.Inbound.OutboxNames.Outcome((string)item["outbox"]!))));
    }

    [MedplumFact]
    public async Task Notifications_without_the_partners_token_or_that_are_not_notifications_are_refused_and_store_nothing()
    {
        var bundle = BackportNotifications.Build(Subscription, "heartbeat", 0, []);
        using var noToken = await BackportNotifications.PostAsync(Gateway.Http, GatewayFixture.PartnerId, bundle, null);
        using var wrongToken = await BackportNotifications.PostAsync(Gateway.Http, GatewayFixture.PartnerId, bundle, "wrong-token-0123456789");
        using var unknown = await BackportNotifications.PostAsync(Gateway.Http, "no-such-partner", bundle, NotificationToken);
        using var notHistory = await BackportNotifications.PostAsync(Gateway.Http, GatewayFixture.PartnerId,
            new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection" }, NotificationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notHistory.StatusCode);
        Assert.Contains("gw-notification-unreadable", await notHistory.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task WaitForRecoveryDoneAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Gateway.App.Services.GetRequiredService<IInboundStore>().GetSubscriptionAsync(GatewayFixture.PartnerId, CancellationToken.None)) is not { RecoveryPending: false })
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the start-up re-query did not finish");
            await Task.Delay(50);
        }
    }
}
