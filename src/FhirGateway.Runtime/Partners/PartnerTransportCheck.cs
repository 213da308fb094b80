using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Operations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Partners;

/// <summary>Logs, at start, every partner reached over plain http to a host other than loopback (allowed by <c>AllowInsecureHttp</c>).</summary>
public sealed class PartnerTransportCheck(IOptions<GatewayOptions> options, ILogger<PartnerTransportCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var partner in options.Value.Partners)
            foreach (var url in PartnerTransport.InsecureUrls(partner))
                Log.InsecurePartner(logger, partner.Id, url);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
