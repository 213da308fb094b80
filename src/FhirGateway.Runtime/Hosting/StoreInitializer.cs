using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Hosting;

/// <summary>Creates the store's schema at start, before the workers run (registered first); refuses to start without a ledger key (unless explicitly unkeyed) and logs an unkeyed one.</summary>
public sealed class StoreInitializer(IGatewayStore store, LedgerKeyRing keys, IOptions<GatewayOptions> options, ILogger<StoreInitializer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (LedgerKeyRing.MissingKey(options.Value.Ledger) is { } missing) throw new InvalidOperationException(missing);
        if (keys.Current is null) Log.LedgerUnkeyed(logger);
        return store.InitializeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
