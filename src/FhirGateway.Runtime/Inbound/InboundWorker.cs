using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FhirGateway.Runtime.Inbound;

/// <summary>
/// The hosted inbound worker: one loop per partner that is followed. A Poll partner is searched every
/// <c>PollInterval</c>. A Subscription partner is re-queried at start (notifications may have been missed while the
/// gateway was down) and whenever a gap is seen, until a re-query completes. A failure is caught per turn.
/// </summary>
public sealed class InboundWorker(
    PartnerDirectory partners, InboundSearch search, IInboundStore store, InboundSignal signal, ILogger<InboundWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(partners.All.Where(p => p.Inbound.Mode != InboundMode.None).Select(p => RunPartnerAsync(p, stoppingToken)));

    private async Task RunPartnerAsync(Partner partner, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            if (partner.Inbound.Mode == InboundMode.Subscription)
                await Guard(partner, () => store.RequestRecoveryAsync(partner.Id, "gateway started", stoppingToken));
            while (!stoppingToken.IsCancellationRequested)
            {
                await Guard(partner, () => TurnAsync(partner, stoppingToken));
                if (partner.Inbound.Mode == InboundMode.Subscription) await signal.Recovery.WaitAsync(partner.Inbound.PollInterval, stoppingToken);
                else await Task.Delay(partner.Inbound.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>One turn for one partner: a search (Poll), or a pending re-query (Subscription).</summary>
    public async Task TurnAsync(Partner partner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        if (partner.Inbound.Mode == InboundMode.Poll)
        {
            await search.SearchAllAsync(partner, InboundVia.Poll, cancellationToken);
            return;
        }
        var state = await store.GetSubscriptionAsync(partner.Id, cancellationToken);
        if (state is not { RecoveryPending: true }) return;
        if (await search.SearchAllAsync(partner, InboundVia.Requery, cancellationToken)
            && await store.CompleteRecoveryAsync(partner.Id, state.RecoveryGeneration, cancellationToken))
            Log.RecoveryDone(logger, partner.Id, state.RecoveryReason ?? "requested");
    }

    private async Task Guard(Partner partner, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.InboundFailed(logger, partner.Id, e.GetType().Name);
        }
    }
}
