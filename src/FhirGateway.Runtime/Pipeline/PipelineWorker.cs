using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Pipeline;

/// <summary>
/// The hosted pipeline worker: <c>Pipeline:Workers</c> loops (one per core by default), each claiming a waiting record
/// under a lease and running it through <see cref="RecordProcessor"/> (the mapper and validator are thread-safe; the
/// claim keeps each patient's records in order). A failure is caught per record and parks it with the reason; when the
/// store itself fails the record stays waiting and is claimed again once its lease runs out. On shutdown the record in
/// hand is given back.
/// </summary>
public sealed class PipelineWorker(
    IPipelineStore store,
    RecordProcessor processor,
    WorkSignals signals,
    WorkerIdentity identity,
    IOptions<GatewayOptions> options,
    LogRecordKeys keys,
    ILogger<PipelineWorker> logger) : BackgroundService
{
    private readonly PipelineOptions _options = options.Value.Pipeline;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.Workers).Select(_ => RunLoopAsync(stoppingToken)));

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
                if (!await TryProcessNextAsync(stoppingToken))
                    await signals.Pipeline.WaitAsync(_options.PollInterval, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task<bool> TryProcessNextAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessNextAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.StoreFailed(logger, e, "pipeline");
            return false;
        }
    }

    /// <summary>Processes one record; false when there was none waiting.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimRecordAsync(identity.Owner, _options.Lease, cancellationToken);
        if (claimed is null) return false;
        try
        {
            await processor.ProcessAsync(claimed, identity.Owner, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await store.ReleaseRecordAsync(claimed.Envelope.Key, identity.Owner, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            // One record must never hold up the others: park it with the reason (and its ledger entry); when even
            // that fails (the store is down) it stays waiting and is claimed again once its lease runs out.
            Log.RecordFailed(logger, keys.Show(claimed.Envelope.Key), e.GetType().Name);
            await processor.ParkFailedAsync(claimed, identity.Owner, e, cancellationToken);
        }
        return true;
    }
}
