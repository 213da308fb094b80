using System.Net.Http.Headers;
using System.Text;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Ledger;

/// <summary>
/// Writes signed checkpoints of the ledger's head outside the database: appended to <c>{Data}/ledger-checkpoints.jsonl</c>
/// and, when <c>Ledger:CheckpointUrl</c> is set, POSTed there as JSON (a sink that fails is logged and tried with the
/// next checkpoint; the file is written first). Nothing is written for an unkeyed ledger or when the head has not moved.
/// </summary>
public sealed class LedgerCheckpoints(ILedgerStore store, LedgerKeyRing keys, IOptions<GatewayOptions> options, IHttpClientFactory http,
    TimeProvider time, ILogger<LedgerCheckpoints> logger)
{
    public const string SinkClientName = "ledger-checkpoints";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long? _lastSeq;

    public string FilePath { get; } = LedgerCheckpoint.PathIn(options.Value.DataFolder);

    /// <summary>Writes a checkpoint of the current head when it moved since the last one; returns it, or null.</summary>
    public async Task<LedgerCheckpoint?> WriteAsync(CancellationToken cancellationToken)
    {
        if (keys.Current is not { } key) return null;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _lastSeq ??= LedgerCheckpoint.ReadFile(FilePath).Checkpoints.Select(c => (long?)c.Seq).LastOrDefault() ?? -1;
            var (seq, head) = await store.GetLedgerHeadAsync(cancellationToken);
            if (seq == _lastSeq) return null;
            var checkpoint = LedgerCheckpoint.Sign(seq, head, LedgerTime.Format(time.GetUtcNow()), key);
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await LedgerCheckpoint.AppendAsync(FilePath, checkpoint, cancellationToken);
            _lastSeq = seq;
            await SendAsync(checkpoint, cancellationToken);
            return checkpoint;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SendAsync(LedgerCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var url = options.Value.Ledger.CheckpointUrl;
        if (string.IsNullOrWhiteSpace(url)) return;
        try
        {
            using var content = new StringContent(checkpoint.ToJson(), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.CreateClient(SinkClientName).PostAsync(url, content, cancellationToken);
            if (!response.IsSuccessStatusCode) Log.CheckpointSinkFailed(logger, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.CheckpointSinkFailed(logger, e.GetType().Name);
        }
    }
}

/// <summary>The hosted worker that checkpoints the ledger every <c>Ledger:CheckpointInterval</c>, and once more when the gateway stops.</summary>
public sealed class LedgerCheckpointWorker(LedgerCheckpoints checkpoints, IOptions<GatewayOptions> options, ILogger<LedgerCheckpointWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await TryWriteAsync(stoppingToken);
                await Task.Delay(options.Value.Ledger.CheckpointInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: StopAsync writes the last checkpoint
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryWriteAsync(cancellationToken);
    }

    private async Task TryWriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await checkpoints.WriteAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.StoreFailed(logger, e, "ledger checkpoint");
        }
    }
}
