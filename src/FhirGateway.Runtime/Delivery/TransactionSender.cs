using System.Text.Json.Nodes;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Bundles;
using FhirGateway.Mapping.Partners;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Delivery;

/// <summary>How sending a group of records ended.</summary>
public enum SendOutcome
{
    Delivered,
    Retry,
    /// <summary>A record of the group was refused: send each record alone to find which.</summary>
    Split,
    Park,
    /// <summary>Refused for its size: the partner's limit is learned, and the records go again, alone, in smaller transactions.</summary>
    Resized,
}

/// <summary>What sending a group of records did: every POST made, the entries kept back as superseded, and why it ended.</summary>
public sealed record SendResult(SendOutcome Outcome, IReadOnlyList<Exchange> Exchanges, IReadOnlyList<(TransactionEntry Entry, SupersededEntry Why)> Superseded,
    string Reason, PartnerAnswer? Failure = null)
{
    public Exchange? Last => Exchanges.Count == 0 ? null : Exchanges[^1];
}

/// <summary>
/// Sends a group of records to a partner as it can take them: the Bundle written for the partner's capabilities,
/// the version guard applied, then as many transactions as its entry limit requires, in dependency order, each
/// reference to an entry of an earlier transaction resolved (a conditional reference where the partner resolves
/// those, else the <c>Type/id</c> its answer gave). A refusal that names a size limit teaches the limit, durably.
/// </summary>
public sealed class TransactionSender(ITransactionBundleBuilder bundles, VersionGuard guard, PartnerClient client, IPartnerStateStore state)
{
    public async Task<SendResult> SendAsync(Partner partner, IReadOnlyList<ClaimedDelivery> group, PartnerSupport support, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(support);
        var bundle = bundles.Build(group.Select(d => PartnerView.For(d.Record, partner.Coding)).ToList(), support); // the partner's MRN and ICD-10 edition
        var entries = (JsonNode.Parse(bundle.Json.Span)?["entry"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var check = await guard.ApplyAsync(partner, entries, bundle.Entries, cancellationToken);
        if (check.Failure is { } failed)
            return new SendResult(SendOutcome.Retry, [], [], $"the version check's lookup answered {failed.StatusText}", failed);
        var superseded = check.Superseded.Select(s => (bundle.Entries[s.Index], s)).ToList();
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in check.Superseded)
            if ((string?)entries[s.Index]["fullUrl"] is { } url) resolved[url] = s.PartnerReference;
        var kept = Enumerable.Range(0, entries.Count).Where(i => check.Superseded.All(s => s.Index != i)).ToList();
        if (kept.Count == 0) return new SendResult(SendOutcome.Delivered, [], superseded, "every entry superseded");
        var chunks = TransactionChunks.Split(kept.Select(i => entries[i]).ToList(), support.MaxTransactionEntries)
            .Select(c => c.Select(j => kept[j]).ToList()).ToList();
        var exchanges = new List<Exchange>();
        for (var k = 0; k < chunks.Count; k++)
        {
            var chunk = chunks[k];
            var json = TransactionChunkWriter.Write(chunk.Select(i => entries[i]), urn => resolved.GetValueOrDefault(urn));
            var answer = await client.PostTransactionAsync(partner, json, cancellationToken);
            var verdict = DeliveryVerdict.Judge(partner.Id, answer, chunk.Count, group.Count);
            var exchange = new Exchange(chunk.Select(i => bundle.Entries[i]).ToList(), json, answer, verdict, (k + 1, chunks.Count));
            exchanges.Add(exchange);
            if (SizeLimitRefusal.LimitFrom(answer.StatusCode, answer.Body, chunk.Count) is { } limit)
            {
                var now = await state.LearnLimitAsync(partner.Id, limit, $"{answer.StatusText} for a transaction of {chunk.Count} entries", cancellationToken);
                return new SendResult(SendOutcome.Resized, exchanges, superseded,
                    $"refused for its size ({chunk.Count} entries); the partner's limit is now {now} entries per transaction");
            }
            if (check.UsesIfMatch && (answer.StatusCode == 412 || verdict.Entries.Any(e => e.Status == 412)))
                return new SendResult(SendOutcome.Retry, exchanges, superseded, "changed at the partner since the version check (412)");
            switch (verdict.Kind)
            {
                case VerdictKind.Retry: return new SendResult(SendOutcome.Retry, exchanges, superseded, verdict.Reason);
                case VerdictKind.Split: return new SendResult(SendOutcome.Split, exchanges, superseded, verdict.Reason);
                case VerdictKind.Park: return new SendResult(SendOutcome.Park, exchanges, superseded, verdict.Reason);
            }
            for (var j = 0; j < chunk.Count; j++)
                if ((string?)entries[chunk[j]]["fullUrl"] is { } url && Reference(bundle.Entries[chunk[j]], verdict.Entries[j].Location, support) is { } reference)
                    resolved[url] = reference;
        }
        return new SendResult(SendOutcome.Delivered, exchanges, superseded, exchanges[^1].Verdict.Reason);
    }

    /// <summary>How later transactions name an entry already delivered: its conditional reference where the partner resolves those, else <c>Type/id</c> from the answer.</summary>
    private static string? Reference(TransactionEntry entry, string? location, PartnerSupport support)
    {
        if (support.ConditionalReferences && entry.Lookup.StartsWith(entry.ResourceType + "?", StringComparison.Ordinal)) return entry.Lookup;
        return LocalReference(entry.ResourceType, location);
    }

    /// <summary><c>Type/id</c> out of a response location (<c>Type/id</c>, <c>Type/id/_history/v</c>, or an absolute URL).</summary>
    public static string? LocalReference(string type, string? location)
    {
        if (location is null) return null;
        var path = Uri.TryCreate(location, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : location;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.LastIndexOf(segments, type);
        if (at >= 0 && at + 1 < segments.Length && segments[at + 1] != "_history") return $"{type}/{segments[at + 1]}";
        return null;
    }
}
