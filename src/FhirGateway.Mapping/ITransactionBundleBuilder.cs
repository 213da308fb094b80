namespace FhirGateway.Mapping;

/// <summary>
/// Builds the FHIR transaction Bundle that delivers mapped records to a partner EHR: one entry per resource,
/// <c>fullUrl</c> <c>urn:uuid:…</c>, references between entries by those urns, and a conditional request on each
/// resource's business identifier (create with <c>If-None-Exist</c>, or conditional update) so that a redelivery
/// never duplicates. A resource shared by several records (the Patient) appears once. Thread-safe.
/// </summary>
public interface ITransactionBundleBuilder
{
    TransactionBundle Build(IReadOnlyList<MappedRecord> records);

    /// <summary>The Bundle as written for one partner: its search parameters and client-assigned ids decide each entry's request.</summary>
    TransactionBundle Build(IReadOnlyList<MappedRecord> records, Bundles.PartnerSupport support) => Build(records);
}

/// <summary>The Bundle's JSON and, in entry order, what each entry carries: the response Bundle answers entry by entry in that order.</summary>
public sealed record TransactionBundle(ReadOnlyMemory<byte> Json, IReadOnlyList<TransactionEntry> Entries);

/// <summary>One entry of a transaction Bundle: the record(s) it came from (<c>recordId@version</c>), the resource and its conditional request.</summary>
public sealed record TransactionEntry(IReadOnlyList<string> RecordKeys, string ResourceType, string Id, BusinessIdentifier Identifier, string Method, string Url)
{
    /// <summary>The read or search that finds the resource at the partner (<c>Type?identifier=…</c>, <c>Type?_tag=…</c>, <c>Type/id</c>); empty when unknown.</summary>
    public string Lookup { get; init; } = "";

    /// <summary>The record whose content the entry carries, also written in the resource's meta.tag when the entry overwrites.</summary>
    public Bundles.RecordStamp? Stamp { get; init; }
}
