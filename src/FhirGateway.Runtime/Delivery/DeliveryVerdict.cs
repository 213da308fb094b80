using FhirGateway.Fhir.Issues;

namespace FhirGateway.Runtime.Delivery;

public enum VerdictKind
{
    Delivered,
    Retry,
    Split,
    Park,
}

/// <summary>
/// What to do after a transaction POST: delivered (every entry 2xx); retry (no answer, 408/429/5xx, 401/403, or an
/// unreadable success); split a refused batch into single records; or park with the partner's OperationOutcome.
/// </summary>
public sealed record DeliveryVerdict(VerdictKind Kind, IReadOnlyList<EntryResponse> Entries, string? OperationOutcome, TimeSpan? RetryAfter, string Reason)
{
    public static DeliveryVerdict Judge(string partnerId, PartnerAnswer answer, int entryCount, int records)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.StatusCode is not { } status) return Retry(answer, answer.Failure ?? "no answer");
        if (status is >= 200 and < 300)
        {
            var entries = TransactionResponseReader.Read(answer.Body, entryCount, out var problem);
            if (entries is null)
                return new DeliveryVerdict(VerdictKind.Retry, [], Outcome(IssueCatalogue.GatewayPartnerUnreadable.At(null, partnerId, status, problem)), null, $"unreadable {status} answer");
            var failed = entries.Select((e, i) => (e, i)).Where(x => !x.e.Succeeded).ToList();
            if (failed.Count == 0) return new DeliveryVerdict(VerdictKind.Delivered, entries, null, null, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var outcome = failed.Select(x => x.e.Outcome).FirstOrDefault(o => o is not null)
                ?? Outcome(IssueCatalogue.GatewayPartnerEntryFailed.At($"Bundle.entry[{failed[0].i}]", partnerId, failed[0].i, failed[0].e.StatusText));
            return records > 1
                ? new DeliveryVerdict(VerdictKind.Split, entries, outcome, null, $"entry {failed[0].i} answered {failed[0].e.StatusText}")
                : new DeliveryVerdict(VerdictKind.Park, entries, outcome, null, failed[0].e.StatusText);
        }
        if (TransientAnswers.IsTransient(status) || status is 401 or 403 || status < 200 || status is >= 300 and < 400)
            return Retry(answer, answer.StatusText);
        var refusal = TransactionResponseReader.OperationOutcome(answer.Body) ?? Outcome(IssueCatalogue.GatewayPartnerRejected.At(null, partnerId, status));
        return new DeliveryVerdict(records > 1 ? VerdictKind.Split : VerdictKind.Park, [], refusal, null, answer.StatusText);
    }

    private static DeliveryVerdict Retry(PartnerAnswer answer, string reason) =>
        new(VerdictKind.Retry, [], TransactionResponseReader.OperationOutcome(answer.Body), answer.RetryAfter, reason);

    private static string Outcome(Issue issue) => OperationOutcomeWriter.ToJson([issue], pretty: false);
}
