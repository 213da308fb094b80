using Azure.Identity;
using Azure.Messaging.ServiceBus;
using FhirGateway.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.ServiceBus;

/// <summary>The Azure Service Bus edge as one module; its workers do nothing unless <c>ServiceBus:Enabled</c> is true.</summary>
public static class ServiceBusModule
{
    public static IHostApplicationBuilder AddServiceBusEdge(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(sp => CreateClient(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.ServiceBus));
        builder.Services.TryAddSingleton<QueueRecordIntake>();
        builder.Services.AddHostedService<ServiceBusIntakeWorker>();
        builder.Services.AddHostedService<NotificationPublisher>();
        return builder;
    }

    /// <summary>A client from the connection string, else for the namespace with <c>DefaultAzureCredential</c> (Entra ID).</summary>
    public static ServiceBusClient CreateClient(ServiceBusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new ServiceBusClientOptions { TransportType = ServiceBusTransportType.AmqpTcp };
        return !string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new ServiceBusClient(options.ConnectionString, clientOptions)
            : new ServiceBusClient(options.FullyQualifiedNamespace, new DefaultAzureCredential(), clientOptions);
    }
}
