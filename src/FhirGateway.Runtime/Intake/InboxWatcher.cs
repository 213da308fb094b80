using FhirGateway.Fhir.Issues;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Operations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Intake;

/// <summary>
/// Watches the inbox folder for record files (<c>*.json</c>; write elsewhere and move in, or let them settle). Each
/// file goes through <see cref="RecordIntake"/>; only once it is stored (or recognised as a repeat) is it moved to
/// <c>processed/</c>; a refused file goes to <c>rejected/</c> with its OperationOutcome beside it.
/// </summary>
public sealed class InboxWatcher(RecordIntake intake, IOptions<GatewayOptions> options, ILogger<InboxWatcher> logger) : BackgroundService
{
    private readonly IntakeOptions _options = options.Value.Intake;

    public string Folder { get; } = InboxFolder(options.Value);

    public static string InboxFolder(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.Intake.Inbox) ? Path.Combine(options.DataFolder, "inbox") : Path.GetFullPath(options.Intake.Inbox);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            Directory.CreateDirectory(Path.Combine(Folder, "processed"));
            Directory.CreateDirectory(Path.Combine(Folder, "rejected"));
            while (!stoppingToken.IsCancellationRequested)
            {
                await ScanAsync(stoppingToken);
                await Task.Delay(_options.InboxPollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>Takes in every settled file of the inbox once; returns how many were handled.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            // a file's age is measured on the file system's clock, which is the system clock
            if (TimeProvider.System.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(file) < _options.InboxSettleTime) continue;
            try
            {
                if (await TakeAsync(file, cancellationToken)) handled++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.InboxFailed(logger, e, Path.GetFileName(file));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // No single file may stop the watcher: one that breaks intake is set aside with the reason.
                if (await RejectAsync(file, [IssueCatalogue.GatewayIntakeFailed.At(null, e.GetType().Name)], cancellationToken)) handled++;
            }
        }
        return handled;
    }

    private async Task<bool> TakeAsync(string file, CancellationToken cancellationToken)
    {
        byte[] bytes;
        IntakeResult result;
        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None))
        {
            if (intake.RefuseIfTooLarge(stream.Length, "inbox") is { } tooLarge) result = tooLarge;
            else
            {
                bytes = new byte[stream.Length];
                await stream.ReadExactlyAsync(bytes, cancellationToken);
                result = await intake.SubmitAsync(bytes, "inbox", cancellationToken);
            }
        }
        if (!result.Stored) return await RejectAsync(file, result.Issues, cancellationToken);
        File.Move(file, Unique(Path.Combine(Folder, "processed", Path.GetFileName(file))));
        return true;
    }

    /// <summary>Moves a refused file to <c>rejected/</c> with its OperationOutcome beside it (<c>NAME.outcome.json</c>).</summary>
    private async Task<bool> RejectAsync(string file, IReadOnlyList<Issue> issues, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        var target = Unique(Path.Combine(Folder, "rejected", name));
        try
        {
            await File.WriteAllTextAsync(Path.ChangeExtension(target, ".outcome.json"), IssueLimit.ToBoundedJson(issues), cancellationToken);
            File.Move(file, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.InboxFailed(logger, e, name);
            return false;
        }
        Log.InboxRejected(logger, name, RecordIntake.Codes(issues));
        return true;
    }

    private static string Unique(string path)
    {
        if (!File.Exists(path)) return path;
        var stem = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path));
        for (var i = 1; ; i++)
        {
            var candidate = $"{stem}.{i}{Path.GetExtension(path)}";
            if (!File.Exists(candidate)) return candidate;
        }
    }
}
