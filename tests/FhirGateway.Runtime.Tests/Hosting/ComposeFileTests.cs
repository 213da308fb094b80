using System.Text.RegularExpressions;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Testing;
using Microsoft.Extensions.Configuration;

namespace FhirGateway.Runtime.Tests.Hosting;

/// <summary>
/// The repository's <c>docker-compose.yml</c> read as YAML (no Docker here): every service has a healthcheck, every
/// dependency waits for health, a dependency on a profile's service is optional outside that profile, and the gateway
/// settings it sets are settings the gateway reads, in values it accepts — so the file cannot drift from the code.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly Lazy<Dictionary<string, object>> Services = new(() =>
    {
        var file = RepositoryFolder.Combine("docker-compose.yml") ?? throw new InvalidOperationException("the repository folder is not above the tests");
        return Map(ComposeYaml.Parse(File.ReadAllText(file))["services"]);
    });

    [Fact]
    public void Every_service_has_a_healthcheck_with_a_test()
    {
        Assert.True(Services.Value.Count >= 4, "PostgreSQL, HAPI FHIR and two gateways");
        Assert.Empty(HealthProblems(Services.Value));
    }

    [Fact]
    public void Every_dependency_waits_until_the_service_it_needs_is_healthy()
    {
        Assert.Empty(DependencyProblems(Services.Value));
        Assert.All(GatewaySettings(Services.Value), g => Assert.True(Map(Map(Services.Value[g.Service])["depends_on"]).ContainsKey("postgres"), $"{g.Service} waits for PostgreSQL"));
    }

    [Fact]
    public void The_gateway_settings_it_sets_are_read_by_the_gateway_and_valid()
    {
        var gateways = GatewaySettings(Services.Value).ToList();
        Assert.True(gateways.Count >= 2, "two gateway instances");
        Assert.Empty(gateways.SelectMany(g => SettingProblems(g.Service, g.Settings.Where(s => !IsStoreSetting(s.Key)))));
    }

    [Fact]
    public void The_store_settings_it_sets_are_the_gateways_PostgreSQL_store_settings()
    {
        foreach (var (name, settings) in GatewaySettings(Services.Value))
        {
            // configuration keys are case-insensitive, and an environment variable's is upper case
            Assert.Contains(settings, s => s.Key.Equals("Store:Provider", StringComparison.OrdinalIgnoreCase) && s.Value == "PostgreSql");
            Assert.Contains(settings, s => s.Key.Equals("Store:ConnectionString", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(s.Value));
            Assert.Empty(SettingProblems(name, settings));
        }
    }

    [Fact]
    public void The_checks_name_a_missing_healthcheck_a_dependency_without_health_an_unknown_setting_and_a_bad_value()
    {
        var services = Map(ComposeYaml.Parse("""
            services:
              db:
                image: postgres:16
                profiles: [extra]
              app:
                depends_on:
                  db:
                    condition: service_started
                environment:
                  FHIRGW_DELIVERY__BASEDELAI: "00:00:10"   # a typo
                  FHIRGW_DELIVERY__MAXATTEMPTS: lots
                  FHIRGW_PIPELINE__LEASE: ${LEASE:-10}      # ten days, were it read
                healthcheck:
                  test: ["CMD", "true"]
              old:
                depends_on:
                  - app
                healthcheck:
                  test: ["CMD", "true"]
            """)["services"]);

        Assert.Equal(["db has no healthcheck"], HealthProblems(services));
        var dependencies = DependencyProblems(services);
        Assert.Contains("app needs db with condition service_started, not service_healthy", dependencies);
        Assert.Contains("app needs db, which runs only in its profile: mark it required: false", dependencies);
        Assert.Contains("old: depends_on is a list; give each dependency condition: service_healthy", dependencies);
        var (name, settings) = Assert.Single(GatewaySettings(services));
        var problems = SettingProblems(name, settings);
        Assert.Contains(problems, p => p.Contains("Delivery:BaseDelai is not a setting", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(problems, p => p.Contains("Delivery:MaxAttempts", StringComparison.Ordinal) && p.Contains("lots", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Pipeline:Lease", StringComparison.Ordinal));
    }

    private static List<string> HealthProblems(Dictionary<string, object> services)
    {
        var problems = new List<string>();
        foreach (var (name, service) in services)
        {
            if (Map(service).GetValueOrDefault("healthcheck") is not Dictionary<string, object> health) problems.Add($"{name} has no healthcheck");
            else if (health.GetValueOrDefault("test") is not List<object> { Count: >= 2 } test || (string)test[0] is not ("CMD" or "CMD-SHELL"))
                problems.Add($"{name}: its healthcheck's test is not [CMD|CMD-SHELL, …]");
        }
        return problems;
    }

    private static List<string> DependencyProblems(Dictionary<string, object> services)
    {
        var problems = new List<string>();
        foreach (var (name, service) in services)
        {
            if (!Map(service).TryGetValue("depends_on", out var dependsOn)) continue;
            if (dependsOn is not Dictionary<string, object> dependencies)
            {
                problems.Add($"{name}: depends_on is a list; give each dependency condition: service_healthy");
                continue;
            }
            foreach (var (needed, how) in dependencies)
            {
                if (!services.ContainsKey(needed)) problems.Add($"{name} needs {needed}, which is not a service");
                else if (Profiles(services, needed).Except(Profiles(services, name)).Any() && Map(how).GetValueOrDefault("required") as string != "false")
                    problems.Add($"{name} needs {needed}, which runs only in its profile: mark it required: false");
                if (Map(how).GetValueOrDefault("condition") is var condition && condition as string != "service_healthy")
                    problems.Add($"{name} needs {needed} with condition {condition ?? "(none)"}, not service_healthy");
            }
        }
        return problems;
    }

    /// <summary>What <c>fhirgw config check</c> would say of these settings: keys no option reads, values that cannot be read, values the validator refuses.</summary>
    private static List<string> SettingProblems(string service, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var problems = SettingsCheck.UnknownKeys(configuration).Select(k => $"{service}: {k} is not a setting")
            .Concat(SettingsCheck.Problems(configuration).Select(p => $"{service}: {p}")).ToList();
        if (problems.Count > 0) return problems;
        var options = new GatewayOptions();
        configuration.Bind(options);
        var result = new GatewayOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures.Select(f => $"{service}: {f}")] : [];
    }

    /// <summary>Each gateway service's <c>FHIRGW_…</c> variables as configuration keys (<c>FHIRGW_A__B</c> is <c>A:B</c>), with <c>${VAR:-default}</c> at its default.</summary>
    private static IEnumerable<(string Service, List<KeyValuePair<string, string?>> Settings)> GatewaySettings(Dictionary<string, object> services)
    {
        foreach (var (name, service) in services)
        {
            if (!Map(service).TryGetValue("environment", out var environment)) continue;
            var variables = Map(environment).Where(kv => kv.Key.StartsWith(GatewayConfiguration.EnvironmentPrefix, StringComparison.Ordinal)).ToList();
            if (variables.Count == 0) continue;
            yield return (name, variables.Select(kv => new KeyValuePair<string, string?>(
                kv.Key[GatewayConfiguration.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), Interpolated(name, kv.Key, (string)kv.Value))).ToList());
        }
    }

    private static string Interpolated(string service, string variable, string value) => Interpolation().Replace(value, m =>
        m.Groups["default"].Success ? m.Groups["default"].Value : throw Fail($"{service}: {variable} needs ${{{m.Groups["name"].Value}}} from the environment and has no default"));

    private static bool IsStoreSetting(string key) => key.StartsWith("Store:", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Profiles(Dictionary<string, object> services, string service) =>
        Map(services[service]).GetValueOrDefault("profiles") is List<object> profiles ? profiles.Cast<string>() : [];

    private static Dictionary<string, object> Map(object? node) => node as Dictionary<string, object> ?? throw Fail($"expected a map, found {node}");

    private static Xunit.Sdk.XunitException Fail(string why) => new(why);

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(:-(?<default>[^}]*))?\}")]
    private static partial Regex Interpolation();
}
