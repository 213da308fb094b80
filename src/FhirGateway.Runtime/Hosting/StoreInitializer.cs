using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Hosting;

namespace FhirGateway.Runtime.Hosting;

/// <summary>Creates the store's schema at start, before the workers run (registered first).</summary>
public sealed class StoreInitializer(IGatewayStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
