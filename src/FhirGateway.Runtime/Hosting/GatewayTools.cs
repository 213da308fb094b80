using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FhirGateway.Runtime.Hosting;

/// <summary>
/// The gateway's services for commands that work on its data without running it (<c>ingest</c>, <c>replay</c>,
/// <c>audit</c>, <c>partners check</c>): the same configuration and modules as <see cref="GatewayHost"/>, built but
/// never started, so its workers do not run. Settings are validated on first use of the options.
/// </summary>
public static class GatewayTools
{
    public static IHost Build(IReadOnlyDictionary<string, string?>? overrides = null, string? configFile = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Configuration.AddGatewaySources(overrides, configFile);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Microsoft.Extensions.Logging.Abstractions.NullLoggerProvider.Instance);
        builder.AddGatewayStore();
        builder.AddRecordIntake();
        builder.AddPartnerDelivery();
        return builder.Build();
    }
}
