namespace FhirGateway.Runtime.ServiceBus;

/// <summary>The <c>ServiceBus:*</c> settings' rules, for the gateway's options validator.</summary>
internal static class ServiceBusOptionsRules
{
    public static void Validate(ServiceBusOptions o, Action<string, string> fail)
    {
        if (!o.Enabled) return;
        if (string.IsNullOrWhiteSpace(o.ConnectionString) && string.IsNullOrWhiteSpace(o.FullyQualifiedNamespace))
            fail("ServiceBus:ConnectionString", "give a connection string, or ServiceBus:FullyQualifiedNamespace for Entra ID, when ServiceBus:Enabled is true");
        if (o.FullyQualifiedNamespace is { Length: > 0 } ns && Uri.CheckHostName(ns) != UriHostNameType.Dns)
            fail("ServiceBus:FullyQualifiedNamespace", $"must be a host name such as name.servicebus.windows.net, found '{ns}'");
        if (string.IsNullOrWhiteSpace(o.IntakeQueue) && string.IsNullOrWhiteSpace(o.NotificationsTopic))
            fail("ServiceBus:IntakeQueue", "name an intake queue, a notifications topic (ServiceBus:NotificationsTopic) or both when ServiceBus:Enabled is true");
        if (o.MaxConcurrentSessions is < 1 or > 1000) fail("ServiceBus:MaxConcurrentSessions", $"must be between 1 and 1000, found {o.MaxConcurrentSessions}");
        if (o.PrefetchCount is < 0 or > 10_000) fail("ServiceBus:PrefetchCount", $"must be between 0 and 10000, found {o.PrefetchCount}");
        if (o.NotificationBatchSize is < 1 or > 1000) fail("ServiceBus:NotificationBatchSize", $"must be between 1 and 1000, found {o.NotificationBatchSize}");
        if (o.MaxAutoLockRenewal < TimeSpan.Zero) fail("ServiceBus:MaxAutoLockRenewal", $"must not be negative, found {o.MaxAutoLockRenewal}");
        if (o.NotificationPollInterval <= TimeSpan.Zero) fail("ServiceBus:NotificationPollInterval", $"must be a positive duration (hh:mm:ss), found {o.NotificationPollInterval}");
    }
}
