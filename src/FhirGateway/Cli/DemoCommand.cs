using System.CommandLine;
using FhirGateway.Demo;
using FhirGateway.Runtime.Hosting;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw demo [--seeds DIR] [--data DIR] [--timeout SECONDS]</c>: the main job on embedded defaults. Starts the
/// gateway with a sandbox partner EHR on 127.0.0.1, posts the seed records (good and broken), waits for delivery and
/// prints a summary and the command to trace a record. Uses a fresh temporary data folder unless <c>--data</c> is
/// given (it is kept, so the trace command works). Exit 0 when the good seeds were delivered and the broken ones
/// parked (or refused at intake), 1 otherwise, 2 when a <c>--seeds</c> folder does not exist. Without <c>--seeds</c> it
/// uses ./seeds when that exists, else the seeds built into fhirgw, so a published fhirgw runs the demo anywhere.
/// </summary>
internal static class DemoCommand
{
    private const string DefaultSeeds = "seeds";

    public static Command Create()
    {
        var seeds = new Option<string?>("--seeds") { Description = "The seed records folder (default: ./seeds when it exists, else the seeds built into fhirgw)." };
        var data = new Option<string?>("--data") { Description = "The data folder to use (default: a fresh temporary folder)." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for delivery (default 120).", DefaultValueFactory = _ => 120 };
        var command = new Command("demo", "Run the gateway against a sandbox partner EHR with the seed records and summarise.") { seeds, data, timeout };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(seeds), result.GetValue(data), result.GetValue(timeout),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? seeds, string? data, int timeout, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (seeds is not null && !Directory.Exists(seeds))
        {
            await stderr.WriteLineAsync($"demo: the seeds folder {Path.GetFullPath(seeds)} does not exist".AsMemory(), cancellationToken);
            return CliApp.ExitUsage;
        }
        string from;
        if (seeds is null && !Directory.Exists(DefaultSeeds))
        {
            seeds = EmbeddedSeeds.ExtractTo(Path.Combine(Path.GetTempPath(), "fhirgw-seeds-" + Guid.NewGuid().ToString("N")[..8]));
            from = $"the seeds built into fhirgw (no ./{DefaultSeeds} here; copied to {seeds})";
        }
        else
        {
            seeds ??= DefaultSeeds;
            from = Path.GetFullPath(seeds);
        }
        await stdout.WriteLineAsync($"FhirGateway demo: seeds from {from}; starting a sandbox partner EHR and the gateway…".AsMemory(), cancellationToken);
        var report = await DemoRun.RunAsync(seeds, data, TimeSpan.FromSeconds(Math.Max(5, timeout)), null, cancellationToken);
        await new DemoSummaryWriter(stdout, SelfCommand.Current).WriteAsync(report, cancellationToken);
        return report.Success ? CliApp.ExitOk : CliApp.ExitIssues;
    }
}
