using System.CommandLine;
using FhirGateway.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FhirGateway.Cli;

/// <summary>What the gateway commands share: the <c>--data</c> option and settings validated with clear messages.</summary>
internal static class GatewayCli
{
    public static Option<string?> DataOption() =>
        new("--data") { Description = "The gateway's data folder (default: FHIRGW_DATA, else ./.fhirgw)." };

    public static Dictionary<string, string?> Overrides(string? data)
    {
        var overrides = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(data)) overrides["Data"] = data;
        return overrides;
    }

    /// <summary>The gateway's services without running it; null (with the reasons on stderr) when the settings are invalid.</summary>
    public static async Task<IHost?> ToolsAsync(string command, string? data, TextWriter stderr, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            host = GatewayTools.Build(Overrides(data));
            _ = host.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
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
        return host;
    }

    public static async Task ReportAsync(string command, OptionsValidationException e, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        await stderr.WriteLineAsync($"{command}: the configuration is not valid:".AsMemory(), cancellationToken);
        foreach (var failure in e.Failures) await stderr.WriteLineAsync($"  {failure}".AsMemory(), cancellationToken);
    }
}
