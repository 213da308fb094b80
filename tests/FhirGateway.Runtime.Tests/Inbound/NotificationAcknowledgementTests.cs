using System.Net;
using System.Text.Json.Nodes;
using FhirGateway.Mapping.Ig;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Runtime.Tests.Inbound;

/// <summary>A notification is acknowledged only once what it carries is durable: a store that fails gives a 500 and nothing, the partner's retry gives it once.</summary>
public sealed class NotificationAcknowledgementTests : IAsyncLifetime
{
    private const string Token = "notify-token-0123456789abcdef";
    private readonly TempFolder _folder = new();
    private readonly FailingInboundStore _failing = new();
    private GatewayFixture _gateway = null!;

    public async Task InitializeAsync() =>
        _gateway = await GatewayFixture.StartAsync(_folder.Path, new Uri("http://127.0.0.1:9/fhir"), s =>
        {
            s["Partners:0:Inbound:Mode"] = "Subscription";
            s["Partners:0:Inbound:NotificationToken"] = Token;
            s["Partners:0:Inbound:PollInterval"] = "00:05:00";
        }, services: s => s.AddSingleton<IInboundStore>(sp => _failing.Over((IInboundStore)sp.GetRequiredService<IGatewayStore>())));

    [Fact]
    public async Task A_notification_the_gateway_cannot_store_is_answered_500_and_its_redelivery_is_stored_once()
    {
        var obs = new JsonObject
        {
            ["resourceType"] = "Observation", ["id"] = "o1", ["meta"] = new JsonObject { ["versionId"] = "1" }, ["status"] = "final",
            ["code"] = new JsonObject { ["text"] = "FVC" },
            ["subject"] = new JsonObject { ["identifier"] = new JsonObject { ["system"] = ClinicIg.Systems.Mrn, ["value"] = "p1" } },
        };
        var bundle = BackportNotifications.Build("Subscription/s1", "event-notification", 1, [(1, obs)]);
        _failing.FailNext = true;

        using var failed = await BackportNotifications.PostAsync(_gateway.Http, GatewayFixture.PartnerId, bundle, Token);
        var afterFailure = await InboundFeed.ReadAllAsync(_gateway.Http);
        using var retried = await BackportNotifications.PostAsync(_gateway.Http, GatewayFixture.PartnerId, bundle, Token);
        using var again = await BackportNotifications.PostAsync(_gateway.Http, GatewayFixture.PartnerId, bundle, Token);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Contains("gw-notification-failed", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(afterFailure);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var item = Assert.Single(await InboundFeed.ReadAllAsync(_gateway.Http));
        Assert.Equal("p1", (string?)item["patient"]);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>The real store, whose next commit fails (a full disk, a lock that never comes) when asked.</summary>
    private sealed class FailingInboundStore
    {
        public bool FailNext { get; set; }

        public IInboundStore Over(IInboundStore inner) => new Store(inner, this);

        private sealed class Store(IInboundStore inner, FailingInboundStore owner) : IInboundStore
        {
            public Task<InboundCommitResult> CommitInboundAsync(InboundCommit commit, CancellationToken cancellationToken)
            {
                if (!owner.FailNext || commit.Notification is null) return inner.CommitInboundAsync(commit, cancellationToken);
                owner.FailNext = false;
                throw new IOException("disk full");
            }

            public Task<IReadOnlySet<string>> KnownAsync(string partnerId, IReadOnlyCollection<string> locations, CancellationToken cancellationToken) => inner.KnownAsync(partnerId, locations, cancellationToken);
            public Task SyncWrittenAsync(CancellationToken cancellationToken) => inner.SyncWrittenAsync(cancellationToken);
            public Task<WrittenResource?> WrittenAsync(string partnerId, string resourceType, string resourceId, CancellationToken cancellationToken) => inner.WrittenAsync(partnerId, resourceType, resourceId, cancellationToken);
            public Task<DateTimeOffset?> GetCursorAsync(string partnerId, string resourceType, CancellationToken cancellationToken) => inner.GetCursorAsync(partnerId, resourceType, cancellationToken);
            public Task<SubscriptionState?> GetSubscriptionAsync(string partnerId, CancellationToken cancellationToken) => inner.GetSubscriptionAsync(partnerId, cancellationToken);
            public Task<long> RequestRecoveryAsync(string partnerId, string reason, CancellationToken cancellationToken) => inner.RequestRecoveryAsync(partnerId, reason, cancellationToken);
            public Task<bool> CompleteRecoveryAsync(string partnerId, long generation, CancellationToken cancellationToken) => inner.CompleteRecoveryAsync(partnerId, generation, cancellationToken);
            public Task<IReadOnlyList<StoredInboundItem>> ReadInboundAsync(long since, int limit, CancellationToken cancellationToken) => inner.ReadInboundAsync(since, limit, cancellationToken);
            public Task<IReadOnlyList<StoredInboundItem>> UnexportedAsync(int limit, CancellationToken cancellationToken) => inner.UnexportedAsync(limit, cancellationToken);
            public Task MarkExportedAsync(IReadOnlyList<StoredInboundItem> items, CancellationToken cancellationToken) => inner.MarkExportedAsync(items, cancellationToken);
        }
    }
}
