using System.CommandLine;
using FhirGateway.Runtime.Hosting;
using Microsoft.Extensions.Configuration;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw config check [--config FILE] [--data DIR]</c>: reads the settings as <c>fhirgw run</c> would (embedded
/// defaults, the settings file, <c>FHIRGW_…</c> variables) and checks every one without starting anything: values
/// that cannot be read, invalid values, keys no setting knows (warnings). Exit 0 valid, 1 invalid, 2 when the file cannot be read.
/// </summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var config = new Command("config", "Check the gateway's settings.");
        var check = new Command("check", "Check a configuration (file, environment) without starting anything.");
        var location = GatewayCli.AddLocation(check);
        check.SetAction((result, cancellationToken) =>
            CheckAsync(location(result), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        config.Subcommands.Add(check);
        return config;
    }

    private static async Task<int> CheckAsync(GatewayCli.Location location, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (SettingsFile.Problem(location.Config) is { } problem)
        {
            await stderr.WriteLineAsync($"config check: {problem}".AsMemory(), cancellationToken);
            return CliApp.ExitUsage;
        }
        var configuration = GatewayConfiguration.Build(GatewayCli.Overrides(location.Data), location.Config);
        var known = SettingsCheck.AllKeys();
        foreach (var key in SettingsCheck.UnknownKeys(configuration))
        {
            var pattern = System.Text.RegularExpressions.Regex.Replace(key, @":\d+(?=:|$)", ":0");
            await stderr.WriteLineAsync($"config check: warning: {key} is not a setting{CliParsing.Nearest(pattern, known)}".AsMemory(), cancellationToken);
        }
        var problems = SettingsCheck.Problems(configuration).ToList();
        if (problems.Count == 0)
        {
            var options = new GatewayOptions();
            configuration.Bind(options);
            var result = new GatewayOptionsValidator().Validate(null, options);
            if (result.Failed) problems.AddRange(result.Failures);
            else
            {
                await stdout.WriteLineAsync(($"config check: the configuration is valid: data folder {options.DataFolder}, listening on {options.Http.Urls}, " +
                    $"{options.Partners.Count} partners{(options.Partners.Count == 0 ? "" : " (" + string.Join(", ", options.Partners.Select(p => p.Id)) + ")")}, " +
                    $"{options.Intake.ApiKeys.Count + options.Intake.BearerTokens.Count + options.Intake.Keys.Count} keys").AsMemory(), cancellationToken);
                return CliApp.ExitOk;
            }
        }
        await stderr.WriteLineAsync("config check: the configuration is not valid:".AsMemory(), cancellationToken);
        foreach (var p in problems) await stderr.WriteLineAsync($"  {p}".AsMemory(), cancellationToken);
        return CliApp.ExitIssues;
    }
}
