using Microsoft.Extensions.Configuration;

namespace FhirGateway.Runtime.Hosting;

/// <summary>
/// The gateway's configuration sources, in order of precedence (last wins): the embedded defaults, an optional
/// <c>appsettings.json</c> in the working folder (or the file a command's <c>--config</c> or <c>FHIRGW_CONFIG</c>
/// names, which must exist), environment variables <c>FHIRGW_…</c>, then the overrides a command gives (<c>--data</c>).
/// </summary>
public static class GatewayConfiguration
{
    public const string EnvironmentPrefix = "FHIRGW_";
    private const string EmbeddedName = "FhirGateway.Runtime.appsettings.json";

    public static IConfigurationBuilder AddGatewaySources(this IConfigurationBuilder builder, IReadOnlyDictionary<string, string?>? overrides = null, string? configFile = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddJsonStream(typeof(GatewayConfiguration).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"The embedded defaults {EmbeddedName} are missing from the build."));
        var file = configFile ?? Environment.GetEnvironmentVariable(EnvironmentPrefix + "CONFIG");
        if (!string.IsNullOrWhiteSpace(file)) builder.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        else builder.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false);
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (overrides is { Count: > 0 }) builder.AddInMemoryCollection(overrides);
        return builder;
    }

    /// <summary>Builds the configuration alone (for commands that read settings without a host).</summary>
    public static IConfigurationRoot Build(IReadOnlyDictionary<string, string?>? overrides = null, string? configFile = null) =>
        new ConfigurationBuilder().AddGatewaySources(overrides, configFile).Build();
}
