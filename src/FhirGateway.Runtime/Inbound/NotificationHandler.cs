using System.Text.Json;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Logging;

namespace FhirGateway.Runtime.Inbound;

/// <summary>Wakes the inbound worker when a re-query is due (a gap seen in a notification).</summary>
public sealed class InboundSignal
{
    public WorkSignal Recovery { get; } = new();
}

/// <summary>
/// Handles one Subscriptions Backport notification of a partner: reads what an id-only notification (or a focus
/// without an entry) only names, takes every resource in through the <see cref="InboundReceiver"/> and counts the
/// events, all in one commit; a gap in the event numbers (or a focus that cannot be read) asks for a re-query. The
/// endpoint answers 2xx only after this returns.
/// </summary>
public sealed class NotificationHandler(PartnerClient client, InboundReceiver receiver, IInboundStore store, InboundSignal signal, ILogger<NotificationHandler> logger)
{
    public async Task<ReceiveResult> HandleAsync(Partner partner, SubscriptionNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(notification);
        var fetched = new List<JsonDocument>();
        try
        {
            var resources = notification.Resources.ToList();
            var unread = 0;
            foreach (var url in notification.Missing)
            {
                if (!ResourceLocation.TryParse(url, out var type, out var id, out _)) continue;
                var answer = await client.GetAsync(partner, $"{type}/{id}", cancellationToken);
                if (answer.StatusCode is >= 200 and < 300 && TryParse(answer.Body) is { } doc)
                {
                    fetched.Add(doc);
                    resources.Add(doc.RootElement);
                }
                else unread++;
            }
            var numbers = notification.Events.Select(e => e.Number).ToList();
            var events = new NotificationEvents(partner.Id, notification.Subscription, numbers.Count == 0 ? null : numbers.Min(),
                numbers.Count == 0 ? null : numbers.Max(), notification.EventsSinceStart);
            var result = await receiver.ReceiveAsync(partner, resources, InboundVia.Notification, events, moveCursors: unread == 0, cancellationToken);
            if (unread > 0) await store.RequestRecoveryAsync(partner.Id, $"{unread} notified resources could not be read", cancellationToken);
            if (result.Gap || unread > 0)
            {
                Log.NotificationGap(logger, partner.Id, notification.Subscription);
                signal.Recovery.Pulse();
            }
            return result with { Gap = result.Gap || unread > 0 };
        }
        finally
        {
            foreach (var doc in fetched) doc.Dispose();
        }
    }

    private static JsonDocument? TryParse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
