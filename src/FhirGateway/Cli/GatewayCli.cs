using System.CommandLine;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FhirGateway.Cli;

/// <summary>What the gateway commands share: the <c>--data</c> and <c>--config</c> options and settings validated with clear messages.</summary>
internal static class GatewayCli
{
    public static Option<string?> ConfigOption() =>
        new("--config") { Description = "A settings file (JSON, as appsettings.json) in place of ./appsettings.json (default: FHIRGW_CONFIG)." };

    /// <summary>The settings a command was given: data folder and settings file.</summary>
    public sealed record Location(string? Data, string? Config);

    /// <summary>Adds <c>--data</c> and <c>--config</c> to a command; the function reads them from a parse result.</summary>
    public static Func<ParseResult, Location> AddLocation(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var data = DataOption();
        var config = ConfigOption();
        command.Options.Add(data);
        command.Options.Add(config);
        return result => new Location(result.GetValue(data), result.GetValue(config));
    }

    public static Option<string?> DataOption() =>
        new("--data") { Description = "The gateway's data folder (default: FHIRGW_DATA, else ./.fhirgw)." };

    public static Dictionary<string, string?> Overrides(string? data)
    {
        var overrides = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(data)) overrides["Data"] = data;
        return overrides;
    }

    /// <summary>
    /// The gateway's services without running it; null (with the reasons on stderr) when the settings are invalid, or when
    /// <paramref name="existingData"/> is set and the data folder holds no gateway store (a mistyped <c>--data</c> must not
    /// read as an empty, intact ledger), or when <paramref name="writesLedger"/> is set and no ledger key is given.
    /// </summary>
    public static async Task<IHost?> ToolsAsync(string command, Location location, TextWriter stderr, CancellationToken cancellationToken, bool existingData = false,
        bool writesLedger = false)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (SettingsFile.Problem(location.Config) is { } problem)
        {
            await stderr.WriteLineAsync($"{command}: {problem}".AsMemory(), cancellationToken);
            return null;
        }
        IHost host;
        GatewayOptions options;
        try
        {
            host = GatewayTools.Build(Overrides(location.Data), location.Config);
            options = host.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            await ReportAsync(command, e, stderr, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or IOException)
        {
            await stderr.WriteLineAsync($"{command}: the configuration cannot be read: {e.Message}".AsMemory(), cancellationToken);
            return null;
        }
        if (writesLedger && LedgerKeyRing.MissingKey(options.Ledger) is { } missing)
        {
            host.Dispose();
            await stderr.WriteLineAsync($"{command}: {missing}".AsMemory(), cancellationToken);
            return null;
        }
        if (existingData && options.Store.Provider == StoreProvider.Sqlite && !File.Exists(SqliteGatewayStore.PathIn(options.DataFolder)))
        {
            host.Dispose();
            await stderr.WriteLineAsync($"{command}: no gateway data in {options.DataFolder} (no {SqliteGatewayStore.FileName}); give the gateway's data folder with --data or FHIRGW_DATA".AsMemory(), cancellationToken);
            return null;
        }
        return host;
    }

    public static async Task ReportAsync(string command, OptionsValidationException e, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        await stderr.WriteLineAsync($"{command}: the configuration is not valid:".AsMemory(), cancellationToken);
        foreach (var failure in e.Failures) await stderr.WriteLineAsync($"  {failure}".AsMemory(), cancellationToken);
    }
}
