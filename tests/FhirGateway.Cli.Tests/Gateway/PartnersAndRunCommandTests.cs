using System.Net;
using FhirGateway.Demo.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FhirGateway.Cli.Tests.Gateway;

public sealed class PartnersAndRunCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fhirgw-partners-").FullName;
    private SandboxPartnerEhr _sandbox = null!;
    private WebApplication _old = null!;
    private string _oldBase = "";

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxPartnerEhr.StartAsync(["good"], CancellationToken.None);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _old = builder.Build();
        _old.MapGet("/fhir/metadata", () => Results.Text("""
            {"resourceType":"CapabilityStatement","status":"active","kind":"instance","fhirVersion":"3.0.2","format":["xml"],
             "software":{"name":"Firely Server","version":"5.11.0"},
             "rest":[{"mode":"server","resource":[{"type":"Patient","conditionalCreate":true}]}]}
            """, "application/fhir+json"));
        await _old.StartAsync();
        _oldBase = FhirGateway.Runtime.Hosting.GatewayHost.Addresses(_old.Services)[0] + "/fhir";
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        await _old.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string Config(string json)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Partners_check_prints_a_table_and_exits_1_naming_what_a_partner_lacks()
    {
        var config = Config($$"""
            {"Partners":[
              {"Id":"good","Organization":"urn:test|good","BaseUrl":"{{_sandbox.BaseUrl("good")}}"},
              {"Id":"old","Organization":"urn:test|old","BaseUrl":"{{_oldBase}}"}]}
            """);

        var (exit, output, errors) = await CliRun.Run("partners", "check", "--config", config, "--data", _folder);

        Assert.True(exit == CliApp.ExitIssues, output + errors);
        var lines = output.Split('\n');
        Assert.StartsWith("PARTNER", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^good\s+\S+\s+4\.0\.1\s+yes\s+yes\s+yes\s+ok$", lines[1]);
        Assert.Matches(@"^old\s+\S+\s+3\.0\.2\s+no\s+no\s+no\s+FALLS SHORT$", lines[2]);
        Assert.Contains("old: FHIR version 3.0.2 is not 4.0.x", output, StringComparison.Ordinal);
        Assert.Contains("old: no transaction interaction", output, StringComparison.Ordinal);
        Assert.Contains("old: no conditional create or update for Observation", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^old: warning: Firely Server 5\.11\.0 validates with Firely .*, which rejects every CareTeam .*\(CareTeam ctm-1; the gateway sends CareTeam and holds it valid\)$", output);
        Assert.DoesNotMatch(@"(?m)^good: warning:", output);
    }

    [Fact]
    public async Task Partners_check_exits_0_when_every_partner_has_what_the_gateway_needs()
    {
        var config = Config($$"""{"Partners":[{"Id":"good","Organization":"urn:test|good","BaseUrl":"{{_sandbox.BaseUrl("good")}}"}]}""");

        var (exit, output, _) = await CliRun.Run("partners", "check", "--config", config, "--data", _folder);

        Assert.Equal(CliApp.ExitOk, exit);
        Assert.DoesNotContain("FALLS SHORT", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_refuses_to_start_with_invalid_settings_naming_each_setting_and_its_environment_variable()
    {
        var config = Config("""
            {"Delivery":{"BaseDelay":"-00:00:01"},
             "Partners":[{"Id":"p","Organization":"no-bar","BaseUrl":"ftp://x","Auth":{"Mode":"ClientCredentials"}}]}
            """);

        var (exit, _, errors) = await CliRun.Run("run", "--config", config, "--data", _folder, "--urls", "http://127.0.0.1:0");

        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("Partners:0:BaseUrl (FHIRGW_PARTNERS__0__BASEURL)", errors, StringComparison.Ordinal);
        Assert.Contains("Partners:0:Organization (FHIRGW_PARTNERS__0__ORGANIZATION)", errors, StringComparison.Ordinal);
        Assert.Contains("Partners:0:Auth:TokenEndpoint", errors, StringComparison.Ordinal);
        Assert.Contains("Delivery:BaseDelay (FHIRGW_DELIVERY__BASEDELAY): must be a positive duration", errors, StringComparison.Ordinal);
        var log = Path.Combine(_folder, "logs", "gateway.jsonl");
        Assert.False(File.Exists(log) && File.ReadAllText(log).Contains("Hosting failed to start", StringComparison.Ordinal),
            "bad settings are the command's message, not a host start failure with a stack trace in the log");
    }

    [Fact]
    public async Task Run_starts_the_gateway_and_stops_cleanly_when_cancelled()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var cancel = new CancellationTokenSource();
        var run = CliApp.RunAsync(["run", "--data", _folder, "--urls", "http://127.0.0.1:0", "--config", Config("{}")], stdout, stderr, cancel.Token);
        for (var i = 0; i < 200 && !stdout.ToString().Contains("listening", StringComparison.Ordinal); i++) await Task.Delay(25);
        var started = stdout.ToString();
        await cancel.CancelAsync();

        Assert.Equal(CliApp.ExitOk, await run);
        Assert.Matches(@"FhirGateway listening on http://127\.0\.0\.1:\d+", started);
        Assert.True(File.Exists(Path.Combine(_folder, "gateway.db")));
    }
}
