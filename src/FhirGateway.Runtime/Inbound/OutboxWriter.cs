using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Inbound;

/// <summary>
/// Hands stored updates to the clinic as files: each as <c>{outbox}/{patient}/{name}.json</c> (the partner's resource,
/// byte for byte), with <c>{name}.outcome.json</c> beside it (written first) when it was flagged. Every file is
/// written to <c>*.tmp</c> and renamed, so a reader never sees half a file; names are fixed when an update is stored,
/// so writing again after a crash replaces a file with the same bytes. Marked written (ledger: handed-to-clinic)
/// only after the rename.
/// </summary>
public sealed class OutboxWriter(IInboundStore store, IOptions<GatewayOptions> options, ILogger<OutboxWriter> logger) : BackgroundService
{
    private const int Batch = 200;
    private readonly TimeSpan _interval = options.Value.Inbound.OutboxPollInterval;

    public string Folder { get; } = InboundOptions.OutboxFolder(options.Value);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var written = 0;
                try
                {
                    written = await WriteAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Log.OutboxFailed(logger, Batch, e.GetType().Name);
                }
                if (written < Batch) await Task.Delay(_interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>Writes the updates not yet in the outbox; returns how many.</summary>
    public async Task<int> WriteAsync(CancellationToken cancellationToken)
    {
        var pending = await store.UnexportedAsync(Batch, cancellationToken);
        foreach (var stored in pending)
        {
            var path = Path.Combine(Folder, stored.OutboxFile);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (stored.Item.OperationOutcome is { } outcome)
                await WriteAtomicAsync(Path.Combine(Folder, OutboxNames.Outcome(stored.OutboxFile)), System.Text.Encoding.UTF8.GetBytes(outcome), cancellationToken);
            await WriteAtomicAsync(path, stored.Item.Json, cancellationToken);
        }
        if (pending.Count > 0) await store.MarkExportedAsync(pending, cancellationToken);
        return pending.Count;
    }

    private static async Task WriteAtomicAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await file.WriteAsync(bytes, cancellationToken);
            await file.FlushAsync(cancellationToken);
        }
        File.Move(temp, path, overwrite: true);
    }
}
