using Azure.Messaging.ServiceBus;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.ServiceBus;

/// <summary>
/// Sends gateway events to <c>ServiceBus:NotificationsTopic</c> by following the ledger: every state change is already
/// durable there, so an event is never announced for a change that did not happen and never lost when the process
/// dies (the cursor moves only after a send succeeded; a crash in between sends the same events again, with the same
/// message ids). A failed send is logged and retried; the worker goes on.
/// </summary>
public sealed class NotificationPublisher(IServiceProvider services, ILedgerStore store, IOptions<GatewayOptions> options,
    ILogger<NotificationPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value.ServiceBus;
        if (!o.Enabled || string.IsNullOrWhiteSpace(o.NotificationsTopic)) return;
        var cursor = new NotificationCursor(options.Value.DataFolder);
        await using var sender = services.GetRequiredService<ServiceBusClient>().CreateSender(o.NotificationsTopic);
        var after = cursor.Read();
        while (!stoppingToken.IsCancellationRequested)
        {
            int read;
            try
            {
                (after, read) = await PublishOnceAsync(sender, cursor, after, o.NotificationBatchSize, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                ServiceBusLog.NotificationsFailed(logger, o.NotificationsTopic, e.GetType().Name, after + 1);
                read = 0;
            }
            if (read < o.NotificationBatchSize) await DelayAsync(o.NotificationPollInterval, stoppingToken);
        }
    }

    /// <summary>Reads the next ledger entries after <paramref name="after"/>, sends their events, moves the cursor. Returns the new position and how many entries were read.</summary>
    internal async Task<(long After, int Read)> PublishOnceAsync(ServiceBusSender sender, NotificationCursor cursor, long after, int max, CancellationToken cancellationToken)
    {
        var entries = await store.ReadLedgerAfterAsync(after, max, cancellationToken);
        if (entries.Count == 0) return (after, 0);
        var events = entries.Select(GatewayEvent.From).OfType<GatewayEvent>().ToList();
        if (events.Count > 0) await sender.SendMessagesAsync(events.Select(e => e.ToMessage()), cancellationToken);
        var last = entries[^1].Seq;
        cursor.Write(last);
        if (events.Count > 0) ServiceBusLog.NotificationsSent(logger, events.Count, sender.EntityPath, last);
        return (last, entries.Count);
    }

    /// <summary>The poll wait, in real time like the other workers' polls (business time, which a test may hold still, is not involved).</summary>
    private static async Task DelayAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
