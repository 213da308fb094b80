using System.CommandLine;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw run [--data DIR] [--config FILE] [--urls URLS]</c>: runs the gateway (intake endpoint, inbox watcher, pipeline and
/// delivery workers, health endpoints) until stopped (Ctrl+C / SIGTERM). Structured logs go to the console and to
/// <c>{Data}/logs/gateway.jsonl</c>. Exit 0 after a clean stop, 3 when a worker failed and stopped the gateway, 2 when the
/// configuration is not valid.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen, ';'-separated (default: Http:Urls, http://127.0.0.1:5080)." };
        var command = new Command("run", "Run the gateway: take records in, map, validate, and deliver them to the partners.") { urls };
        var location = GatewayCli.AddLocation(command);
        command.SetAction((result, cancellationToken) => RunAsync(location(result), result.GetValue(urls),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(GatewayCli.Location location, string? urls, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var overrides = GatewayCli.Overrides(location.Data);
        if (!string.IsNullOrWhiteSpace(urls)) overrides["Http:Urls"] = urls;
        if (SettingsFile.Problem(location.Config) is { } problem)
        {
            await stderr.WriteLineAsync($"run: {problem}".AsMemory(), cancellationToken);
            return CliApp.ExitUsage;
        }
        WebApplication? app = null;
        try
        {
            app = GatewayHost.Build(new GatewayHostSettings { Overrides = overrides, ConfigFile = location.Config });
            // Settings are checked before the host starts, so that bad ones are this command's clear message alone,
            // not also a "Hosting failed to start" stack trace in the console and the log file.
            var checkedOptions = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
            if (LedgerKeyRing.MissingKey(checkedOptions.Ledger) is { } missing)
            {
                await app.DisposeAsync();
                await stderr.WriteLineAsync($"run: {missing}".AsMemory(), cancellationToken);
                return CliApp.ExitUsage;
            }
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidDataException or FormatException or IOException or InvalidOperationException)
        {
            if (app is not null) await app.DisposeAsync();
            if (e is OptionsValidationException invalid) await GatewayCli.ReportAsync("run", invalid, stderr, cancellationToken);
            else await stderr.WriteLineAsync($"run: the configuration cannot be read or the gateway cannot start: {e.Message}".AsMemory(), cancellationToken);
            return CliApp.ExitUsage;
        }
        await using (app)
        {
            var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
            var addresses = GatewayHost.Addresses(app.Services);
            await stdout.WriteLineAsync($"FhirGateway listening on {string.Join(", ", addresses)}; data folder {options.DataFolder}; {options.Partners.Count} partners. Ctrl+C stops.".AsMemory(), cancellationToken);
            if (options.Intake.ApiKeys.Count == 0 && options.Intake.BearerTokens.Count == 0 && options.Intake.Keys.Count == 0)
                await stdout.WriteLineAsync("note: no API key or bearer token is configured, so POST /records admits nobody (set Intake:ApiKeys:0, FHIRGW_INTAKE__APIKEYS__0); the inbox folder and fhirgw ingest still work".AsMemory(), cancellationToken);
            try
            {
                await app.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // stopped from the command line
            }
            await app.StopAsync(CancellationToken.None);
            var faulted = GatewayHost.FaultedWorkers(app.Services);
            if (faulted.Count > 0)
            {
                await stderr.WriteLineAsync($"run: the gateway stopped because a worker failed: {string.Join(", ", faulted)} (see the log)".AsMemory(), CancellationToken.None);
                return CliApp.ExitFailure;
            }
        }
        return CliApp.ExitOk;
    }
}
