using FhirGateway.Mapping;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Delivery;

/// <summary>One transaction POST of a delivery: the entries it carried (in order), its Bundle, the answer and the verdict on it.</summary>
/// <param name="Part">1-based position among the transactions of the delivery, and how many it was planned as.</param>
public sealed record Exchange(IReadOnlyList<TransactionEntry> Entries, ReadOnlyMemory<byte> Bundle, PartnerAnswer Answer, DeliveryVerdict Verdict, (int Index, int Of) Part)
{
    private string? _bundleHash;
    private string? _answerHash;

    /// <summary>The Bundle's canonical hash, computed once: the ledger entries of every record the POST carried name it.</summary>
    public string BundleHash => _bundleHash ??= CanonicalJson.Hash(Bundle);

    /// <summary>The answer's canonical hash (computed once), null for an empty answer.</summary>
    public string? AnswerHash => Answer.Body.IsEmpty ? null : _answerHash ??= CanonicalJson.Hash(Answer.Body);

    public IEnumerable<int> EntryIndexes(ClaimedDelivery d) =>
        Enumerable.Range(0, Entries.Count).Where(i => Entries[i].RecordKeys.Contains(d.RecordKey, StringComparer.Ordinal));

    public bool Carries(ClaimedDelivery d) => EntryIndexes(d).Any();

    public IEnumerable<AuditedEntry> Audited(ClaimedDelivery d) =>
        EntryIndexes(d).Select(i => new AuditedEntry(Entries[i], i < Verdict.Entries.Count ? Verdict.Entries[i] : null));

    /// <summary>The partner's <c>Type/id</c> of each entry of the record, where it answered one, else the gateway's own.</summary>
    public IEnumerable<string> Locations(ClaimedDelivery d) =>
        EntryIndexes(d).Select(i => i < Verdict.Entries.Count && Verdict.Entries[i].Location is { } l ? l : $"{Entries[i].ResourceType}/{Entries[i].Id}");

    /// <summary>
    /// The ledger entries of this POST for a record it carried: <c>sent</c> and <c>partner-response</c> when the request
    /// left; when nothing reached the partner (open circuit, no connection), one <c>retry-scheduled</c> saying so.
    /// </summary>
    public IEnumerable<LedgerDraft> Ledger(Partner partner, ClaimedDelivery d, bool withLocations, string detail)
    {
        if (!Answer.RequestLeft)
        {
            yield return new LedgerDraft(LedgerSteps.RetryScheduled, d.RecordKey, d.PatientId)
            {
                PartnerId = partner.Id,
                Status = Answer.StatusText,
                Detail = $"not sent ({Answer.StatusText}); {detail}",
            };
            yield break;
        }
        var part = Part.Of > 1 ? $"transaction {Part.Index} of {Part.Of}, " : "";
        yield return new LedgerDraft(LedgerSteps.Sent, d.RecordKey, d.PatientId)
        {
            PartnerId = partner.Id,
            PayloadHash = BundleHash,
            Resources = EntryIndexes(d).Select(i => $"{Entries[i].ResourceType}/{Entries[i].Id}").ToList(),
            Detail = $"{part}{Entries.Count} entries, {Entries.SelectMany(e => e.RecordKeys).Distinct(StringComparer.Ordinal).Count()} records, attempt {d.Attempts + 1}",
        };
        yield return new LedgerDraft(LedgerSteps.PartnerResponse, d.RecordKey, d.PatientId)
        {
            PartnerId = partner.Id,
            Status = Answer.StatusText,
            PayloadHash = AnswerHash,
            Resources = withLocations ? Locations(d).ToList() : [],
            Detail = detail,
        };
    }
}
