namespace FhirGateway.Runtime.Store;

/// <summary>Intake's side of the store: a new record is durable (with its <c>received</c> ledger entry) before it is acknowledged.</summary>
public interface IIntakeStore
{
    /// <summary>Stores a new record (ledger: received) or recognises a repeat of the same record id and version.</summary>
    Task<IntakeReceipt> AcceptAsync(RecordSubmission submission, CancellationToken cancellationToken);
}
