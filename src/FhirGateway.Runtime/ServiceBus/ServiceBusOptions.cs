namespace FhirGateway.Runtime.ServiceBus;

/// <summary>
/// The Azure Service Bus edge (<c>ServiceBus:*</c>), off by default: record intake from a queue and gateway events
/// to a notifications topic. Authentication by <see cref="ConnectionString"/>, or by Entra ID
/// (<c>DefaultAzureCredential</c>) against <see cref="FullyQualifiedNamespace"/>.
/// </summary>
public sealed class ServiceBusOptions
{
    public bool Enabled { get; set; }

    /// <summary>A namespace connection string (Shared Access Signature); takes precedence over <see cref="FullyQualifiedNamespace"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>name.servicebus.windows.net</c>: authenticates with <c>DefaultAzureCredential</c> (managed identity, workload identity, Azure CLI…).</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>The queue records arrive on (one record's JSON per message, as for <c>POST /records</c>); none: no queue intake.</summary>
    public string? IntakeQueue { get; set; }

    /// <summary>The queue is session-enabled with the patient id as session id, which keeps each patient's records in order.</summary>
    public bool Sessions { get; set; } = true;

    /// <summary>Sessions (patients) handled at once; each session's messages are handled one at a time, in order.</summary>
    public int MaxConcurrentSessions { get; set; } = 8;

    /// <summary>Message (or session) locks are renewed for this long while a record is being stored.</summary>
    public TimeSpan MaxAutoLockRenewal { get; set; } = TimeSpan.FromMinutes(5);

    public int PrefetchCount { get; set; }

    /// <summary>The topic gateway events go to (delivered, parked, held, released, inbound-update); none: no notifications.</summary>
    public string? NotificationsTopic { get; set; }

    /// <summary>How often the ledger is read for new events when nothing signals.</summary>
    public TimeSpan NotificationPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Ledger entries read per round.</summary>
    public int NotificationBatchSize { get; set; } = 100;
}
