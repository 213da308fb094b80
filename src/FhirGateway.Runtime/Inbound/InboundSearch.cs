using System.Globalization;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Logging;

namespace FhirGateway.Runtime.Inbound;

/// <summary>
/// Searches one type at a partner from its durable cursor: <c>Type?_lastUpdated=ge{cursor − overlap}&amp;_sort=_lastUpdated&amp;_count=N</c>,
/// page after page (the partner's <c>next</c> link when it gives one under its base, else <c>_offset</c>), each page
/// stored before the next is asked for. The cursor moves to the newest lastUpdated seen only once every page was
/// read, so a failed search starts again where the last complete one ended; repeats are recognised by version.
/// </summary>
public sealed class InboundSearch(PartnerClient client, InboundReceiver receiver, IInboundStore store, ILogger<InboundSearch> logger)
{
    /// <summary>A bound on pages per search (a partner whose paging never ends cannot hold the worker).</summary>
    public const int MaxPages = 10_000;

    /// <summary>Searches every followed type; true when all searches completed.</summary>
    public async Task<bool> SearchAllAsync(Partner partner, string via, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var complete = true;
        foreach (var type in partner.Inbound.EffectiveTypes) complete &= await SearchAsync(partner, type, via, cancellationToken);
        return complete;
    }

    public async Task<bool> SearchAsync(Partner partner, string type, string via, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var options = partner.Inbound;
        var cursor = await store.GetCursorAsync(partner.Id, type, cancellationToken) ?? options.Since;
        var first = FirstUrl(type, cursor - options.PollOverlap, options.PageSize);
        var url = first;
        var newest = cursor;
        var locations = new HashSet<string>(StringComparer.Ordinal);
        for (var (page, offset) = (0, 0); page < MaxPages; page++)
        {
            var answer = await client.GetAsync(partner, url, cancellationToken);
            if (answer.StatusCode is not (>= 200 and < 300))
            {
                Log.InboundSearchFailed(logger, partner.Id, type, answer.StatusText);
                return false;
            }
            using var result = SearchPage.Read(answer.Body);
            if (result.Problem is not null)
            {
                Log.InboundSearchFailed(logger, partner.Id, type, result.Problem);
                return false;
            }
            await receiver.ReceiveAsync(partner, result.Matches, via, null, moveCursors: false, cancellationToken);
            var fresh = 0;
            foreach (var seen in result.Matches.Select(PartnerResource.From).OfType<PartnerResource>())
            {
                if (seen.LastUpdated > newest || newest is null) newest = seen.LastUpdated;
                if (locations.Add(seen.Location)) fresh++;
            }
            if (fresh == 0) break; // a partner that ignores paging answers the same page again
            var next = NextUrl(partner, result.Next);
            if (next is not null && next != url) url = next;
            else if (result.Next is null && result.Matches.Count >= options.PageSize) url = $"{first}&_offset={offset += options.PageSize}";
            else break;
        }
        if (newest is { } position)
            await store.CommitInboundAsync(new InboundCommit([]) { Cursors = [new InboundCursor(partner.Id, type, position)] }, cancellationToken);
        return true;
    }

    private static string FirstUrl(string type, DateTimeOffset? from, int count)
    {
        var url = $"{type}?_sort=_lastUpdated&_count={count.ToString(CultureInfo.InvariantCulture)}";
        if (from is { } f) url += "&_lastUpdated=ge" + Uri.EscapeDataString(f.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        return url;
    }

    /// <summary>The next link, relative to the partner's base, when it points under that base (never elsewhere).</summary>
    private static string? NextUrl(Partner partner, string? next)
    {
        var root = partner.BaseUri.ToString();
        return next is not null && next.StartsWith(root, StringComparison.OrdinalIgnoreCase) && next.Length > root.Length ? next[root.Length..] : null;
    }
}
