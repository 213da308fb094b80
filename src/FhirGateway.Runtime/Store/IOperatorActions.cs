namespace FhirGateway.Runtime.Store;

/// <summary>What an operator changes: replaying parked records, pruning delivered ones' payloads. Each call is one transaction with its ledger entries.</summary>
public interface IOperatorActions
{
    /// <summary>Makes parked records (pipeline- or delivery-parked) wait again; <paramref name="record"/> is a record id or <c>id@version</c>, null for all. Returns the record keys.</summary>
    Task<IReadOnlyList<string>> ReplayAsync(string? record, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the payload and the resources' JSON of every record whose deliveries were all delivered before
    /// <paramref name="deliveredBefore"/>; the ledger keeps their hashes and gets a <c>pruned</c> entry each. Returns how many.
    /// </summary>
    Task<int> PruneDeliveredAsync(DateTimeOffset deliveredBefore, CancellationToken cancellationToken);
}
