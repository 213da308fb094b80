using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Pipeline;

/// <summary>
/// The hosted pipeline worker: <c>Pipeline:Workers</c> loops (one per core by default), each claiming a batch of up to
/// <c>Pipeline:BatchSize</c> waiting records under a lease in one transaction, deciding each with
/// <see cref="RecordProcessor"/> (the mapper and validator are thread-safe) and storing the batch's outcomes in one
/// transaction. The claim keeps each patient's records in order: a batch holds at most one record per patient, and
/// only one whose earlier records are all routed or parked. A failure is caught per record and parks it with the
/// reason; when the store itself fails the records stay waiting and are claimed again once their lease runs out. On
/// shutdown the records in hand are given back.
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

    /// <summary>
    /// Claims a batch (at most one record per patient), decides each record on this loop's thread and stores all the
    /// outcomes in one transaction; false when there was none waiting.
    /// </summary>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        var batch = await store.ClaimRecordsAsync(identity.Owner, _options.BatchSize, _options.Lease, cancellationToken);
        if (batch.Count == 0) return false;
        var outcomes = new List<RecordOutcome>(batch.Count);
        try
        {
            foreach (var claimed in batch) outcomes.Add(await DecideAsync(claimed, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            foreach (var claimed in batch) await store.ReleaseRecordAsync(claimed.Envelope.Key, identity.Owner, CancellationToken.None);
            throw;
        }
        IReadOnlyList<bool> stored;
        try
        {
            stored = await store.CompleteRecordsAsync(outcomes, identity.Owner, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // one outcome the store refuses must not hold up the batch: they are stored one by one instead
            Log.StoreFailed(logger, e, "pipeline");
            stored = await CompleteOneByOneAsync(batch, outcomes, cancellationToken);
        }
        for (var i = 0; i < outcomes.Count; i++)
            if (stored[i]) processor.Stored(outcomes[i]);
        return true;
    }

    private async Task<RecordOutcome> DecideAsync(ClaimedRecord claimed, CancellationToken cancellationToken)
    {
        try
        {
            return await processor.DecideAsync(claimed, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One record must never hold up the others: it is parked with the reason (and its ledger entry).
            Log.RecordFailed(logger, keys.Show(claimed.Envelope.Key), e.GetType().Name);
            return processor.Failed(claimed, e);
        }
    }

    /// <summary>
    /// Stores each outcome in its own transaction; one the store refuses is parked with the reason instead. When even
    /// that fails (the store is down) the record stays waiting and is claimed again once its lease runs out.
    /// </summary>
    private async Task<bool[]> CompleteOneByOneAsync(IReadOnlyList<ClaimedRecord> batch, IReadOnlyList<RecordOutcome> outcomes, CancellationToken cancellationToken)
    {
        var stored = new bool[outcomes.Count];
        for (var i = 0; i < outcomes.Count; i++)
        {
            try
            {
                stored[i] = (await store.CompleteRecordsAsync([outcomes[i]], identity.Owner, cancellationToken))[0];
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.RecordFailed(logger, keys.Show(batch[i].Envelope.Key), e.GetType().Name);
                var failed = processor.Failed(batch[i], e);
                try
                {
                    if ((await store.CompleteRecordsAsync([failed], identity.Owner, cancellationToken))[0]) processor.Stored(failed);
                }
                catch (Exception again) when (again is not OperationCanceledException)
                {
                    Log.StoreFailed(logger, again, "pipeline");
                }
            }
        }
        return stored;
    }
}
