using System.Text.Json;
using FhirGateway.Fhir.Issues;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Logging;

namespace FhirGateway.Runtime.Inbound;

/// <summary>What one batch of partner resources gave: new, repeats, echoes of the gateway's own writes, types not followed, and a gap in notifications.</summary>
public sealed record ReceiveResult(int Stored, int Repeats, int Echoes, int NotFollowed, bool Gap)
{
    public static readonly ReceiveResult Empty = new(0, 0, 0, 0, false);
}

/// <summary>
/// Takes in resources a partner gave (a search page, a notification): keeps the types the partner is followed for,
/// drops what is stored already and the gateway's own writes (<see cref="EchoFilter"/>), validates the rest against
/// R4 core (an invalid one is kept, flagged with its OperationOutcome), matches each to the clinic patient (an
/// unmatched one is kept and flagged), and stores the batch with its ledger entries in one transaction. Only then
/// does the caller acknowledge. One bad resource never stops the batch.
/// </summary>
public sealed class InboundReceiver(
    IInboundStore store, EchoFilter echoes, PatientMatcher patients, IInboundValidator validator, ILogger<InboundReceiver> logger)
{
    /// <param name="moveCursors">Move each type's search cursor to the newest lastUpdated of the batch (notifications; a search moves its own).</param>
    public async Task<ReceiveResult> ReceiveAsync(Partner partner, IReadOnlyList<JsonElement> resources, string via, NotificationEvents? notification,
        bool moveCursors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(resources);
        await store.SyncWrittenAsync(cancellationToken);
        var followed = partner.Inbound.EffectiveTypes;
        var parsed = resources.Select(r => (Json: r, Resource: PartnerResource.From(r))).ToList();
        var candidates = parsed.Where(p => p.Resource is not null && followed.Contains(p.Resource.ResourceType, StringComparer.Ordinal))
            .GroupBy(p => p.Resource!.Location, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var notFollowed = parsed.Count - parsed.Count(p => p.Resource is not null && followed.Contains(p.Resource.ResourceType, StringComparer.Ordinal));
        var known = await store.KnownAsync(partner.Id, candidates.Select(c => c.Resource!.Location).ToList(), cancellationToken);
        var items = new List<InboundItem>();
        var echoCount = 0;
        foreach (var (json, resource) in candidates.Where(c => !known.Contains(c.Resource!.Location)))
        {
            if (await echoes.IsEchoAsync(partner.Id, resource!, json, cancellationToken))
            {
                echoCount++;
                continue;
            }
            items.Add(await TakeAsync(partner, resource!, json, via, cancellationToken));
        }
        var cursors = moveCursors
            ? candidates.Where(c => c.Resource!.LastUpdated is not null).GroupBy(c => c.Resource!.ResourceType)
                .Select(g => new InboundCursor(partner.Id, g.Key, g.Max(c => c.Resource!.LastUpdated!.Value))).ToList()
            : [];
        if (items.Count == 0 && cursors.Count == 0 && notification is null)
            return new ReceiveResult(0, known.Count, echoCount, notFollowed, false);
        var result = await store.CommitInboundAsync(new InboundCommit(items) { Cursors = cursors, Notification = notification }, cancellationToken);
        if (result.Stored > 0) Log.InboundStored(logger, partner.Id, result.Stored, via, items.Count(i => !i.Valid), items.Count(i => i.PatientId is null));
        return new ReceiveResult(result.Stored, known.Count + result.Repeats, echoCount, notFollowed, result.Gap);
    }

    /// <summary>Validates and matches one resource; a failure of either becomes an issue on the item.</summary>
    private async Task<InboundItem> TakeAsync(Partner partner, PartnerResource resource, JsonElement json, string via, CancellationToken cancellationToken)
    {
        var issues = new List<Issue>();
        try
        {
            issues.AddRange(validator.Validate(resource.Json, $"{partner.Id}:{resource.Location}"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            issues.Add(IssueCatalogue.GatewayValidationFailed.At(null, resource.Location, e.GetType().Name));
        }
        var match = await patients.MatchAsync(partner, resource.ResourceType, json, cancellationToken);
        if (match.Issue is not null) issues.Add(match.Issue);
        if (!resource.VersionGiven) issues.Add(IssueCatalogue.GatewayInboundNoVersion.At("meta.versionId", resource.VersionId));
        var valid = !issues.Any(i => i.IsError);
        var outcome = issues.Count == 0 ? null : OperationOutcomeWriter.ToJson(issues, pretty: false);
        return new InboundItem(partner.Id, resource.ResourceType, resource.Id, resource.VersionId, resource.LastUpdated, match.PatientId, valid, outcome, via, resource.Json);
    }
}
