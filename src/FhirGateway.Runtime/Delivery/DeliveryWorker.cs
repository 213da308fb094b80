using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Pipeline;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Delivery;

/// <summary>
/// The hosted delivery worker: one loop per partner (a slow partner never holds up another). Each turn releases the
/// held deliveries whose consent is now in force, claims a batch under a lease and delivers it. A failure is caught
/// per batch; on shutdown the batch in hand is given back untouched.
/// </summary>
public sealed class DeliveryWorker(
    IDeliveryStore store,
    DeliveryProcessor processor,
    PartnerDirectory partners,
    WorkSignals signals,
    WorkerIdentity identity,
    TimeProvider time,
    IOptions<GatewayOptions> options,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private readonly DeliveryOptions _options = options.Value.Delivery;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(partners.All.Select(p => RunPartnerAsync(p, stoppingToken)));

    private async Task RunPartnerAsync(Partner partner, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                bool worked;
                try
                {
                    worked = await DeliverNextAsync(partner, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Log.StoreFailed(logger, e, "delivery");
                    worked = false;
                }
                if (!worked) await signals.Delivery.WaitAsync(_options.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>One turn for one partner; false when there was nothing to do.</summary>
    public async Task<bool> DeliverNextAsync(Partner partner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var released = await ReleaseConsentedAsync(partner, cancellationToken);
        var batch = await store.ClaimDeliveriesAsync(partner.Id, identity.Owner, partner.BatchSize, _options.Lease, cancellationToken);
        if (batch.Count == 0) return released > 0;
        try
        {
            await processor.DeliverAsync(partner, batch, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await store.ReleaseDeliveriesAsync(batch.Select(d => d.Id).ToList(), identity.Owner, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            Log.DeliveryFailed(logger, partner.Id, e.GetType().Name);
            await processor.RecoverAsync(partner, batch, e, cancellationToken);
        }
        return true;
    }

    /// <summary>Makes pending again the held deliveries of every patient whose consent for this partner is now in force.</summary>
    private async Task<int> ReleaseConsentedAsync(Partner partner, CancellationToken cancellationToken)
    {
        var released = 0;
        var now = time.GetUtcNow();
        foreach (var patient in await store.HeldPatientsAsync(partner.Id, cancellationToken))
        {
            if (!ConsentGate.Allows(await store.GetConsentsAsync(patient, cancellationToken), partner.Organization, now)) continue;
            released += (await store.ReleaseHeldAsync(partner.Id, patient, "consent in force", cancellationToken)).Count;
        }
        if (released > 0) Log.Released(logger, released, partner.Id);
        return released;
    }
}
