namespace FhirGateway.Runtime.Store;

/// <summary>
/// The gateway's durable state: inbox, routed records and their resources, the per-partner delivery queue (leases so
/// several workers compete), parked and held items, consents, AuditEvents and the hash-chained ledger. Every method
/// that changes state is one transaction and appends its ledger entries in that same transaction; a method returns
/// only after its change is durable. Dialect details stay in the implementations.
/// </summary>
public interface IGatewayStore : IIntakeStore, IPipelineStore, IDeliveryStore, ILedgerStore, IRecordQueries, IOperatorActions
{
    /// <summary>Creates the schema when missing. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>True when the store answers.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}
