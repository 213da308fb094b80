using System.Text.Json;
using System.Text.Json.Nodes;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Bundles;
using FhirGateway.Mapping.Ig;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Delivery;

/// <summary>An entry the guard keeps back: an older record's content for a resource the partner already holds newer.</summary>
public sealed record SupersededEntry(int Index, string PartnerReference, string Reason);

/// <summary>What the guard decided for one transaction: entries kept back, whether If-Match went on any, or the answer that stopped the check.</summary>
public sealed record GuardResult(IReadOnlyList<SupersededEntry> Superseded, bool UsesIfMatch, PartnerAnswer? Failure);

/// <summary>
/// Versions never go backwards at a partner. Before an entry that overwrites (PUT) is sent, the guard compares the
/// record it comes from (<see cref="RecordStamp"/>) with what the gateway delivered of that business resource
/// (<see cref="IPartnerStateStore"/>) and with what the partner holds now (found by the entry's lookup; the stamp
/// its meta.tag carries). Older than either: the entry is kept back (and references to it name the partner's copy).
/// Otherwise a resource found at the partner is updated by its id with <c>If-Match</c> on the version just read, so
/// a change made at the partner in between fails the transaction (412) instead of being overwritten.
/// </summary>
public sealed class VersionGuard(PartnerClient client, IPartnerStateStore state)
{
    public async Task<GuardResult> ApplyAsync(Partner partner, IReadOnlyList<JsonObject> entries, IReadOnlyList<TransactionEntry> described, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(described);
        var overwriting = Enumerable.Range(0, described.Count)
            .Where(i => described[i].Method == "PUT" && described[i].Stamp is not null && described[i].Lookup.Length > 0).ToList();
        if (overwriting.Count == 0) return new GuardResult([], false, null);
        var delivered = await state.GetDeliveredVersionsAsync(partner.Id,
            overwriting.Select(i => new PartnerResourceKey(described[i].ResourceType, described[i].Identifier)).ToList(), cancellationToken);
        var superseded = new List<SupersededEntry>();
        var ifMatch = false;
        foreach (var i in overwriting)
        {
            var entry = described[i];
            var answer = await client.GetAsync(partner, entry.Lookup, cancellationToken);
            if (!Found(answer, entry.ResourceType, out var current)) return new GuardResult([], false, answer);
            delivered.TryGetValue(new PartnerResourceKey(entry.ResourceType, entry.Identifier), out var known);
            if (current is null) continue;
            var id = Text(current.Value, "id");
            var held = current.Value.TryGetProperty("meta", out var meta) ? Tag(meta) : null;
            var reference = $"{entry.ResourceType}/{id}";
            if (held is not null && entry.Stamp!.IsOlderThan(held))
                superseded.Add(new SupersededEntry(i, reference, $"{entry.ResourceType} {entry.Identifier}: the partner holds {held}, newer than {entry.Stamp}"));
            else if (known is not null && entry.Stamp!.IsOlderThan(known.Stamp))
                superseded.Add(new SupersededEntry(i, reference, $"{entry.ResourceType} {entry.Identifier}: the gateway delivered {known.Stamp}, newer than {entry.Stamp}"));
            else if (id is not null)
                ifMatch |= UpdateById(entries[i], entry.ResourceType, id, meta.ValueKind == JsonValueKind.Object ? Text(meta, "versionId") : null);
        }
        return new GuardResult(superseded, ifMatch, null);
    }

    /// <summary>Turns the entry into <c>PUT Type/id</c> (with If-Match when the version is known); true when If-Match was set.</summary>
    private static bool UpdateById(JsonObject entry, string type, string id, string? versionId)
    {
        var request = new JsonObject { ["method"] = "PUT", ["url"] = $"{type}/{id}" };
        if (versionId is not null) request["ifMatch"] = $"W/\"{versionId}\"";
        entry["request"] = request;
        if (entry["resource"] is JsonObject resource) resource["id"] = id;
        return versionId is not null;
    }

    /// <summary>True when the lookup answered: <paramref name="current"/> is the one resource found, or null for none (or several: the partner decides).</summary>
    private static bool Found(PartnerAnswer answer, string type, out JsonElement? current)
    {
        current = null;
        if (answer.StatusCode is 404 or 410) return true;
        if (answer.StatusCode is not (>= 200 and < 300)) return false;
        try
        {
            using var doc = JsonDocument.Parse(answer.Body);
            var root = doc.RootElement;
            if (Text(root, "resourceType") == type)
            {
                current = root.Clone();
                return true;
            }
            if (Text(root, "resourceType") != "Bundle") return false;
            var matches = root.TryGetProperty("entry", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(e => e.TryGetProperty("resource", out var r) && Text(r, "resourceType") == type).Select(e => e.GetProperty("resource")).ToList()
                : [];
            if (matches.Count == 1) current = matches[0].Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static RecordStamp? Tag(JsonElement meta) =>
        meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("tag", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().Where(t => Text(t, "system") == ClinicIg.Systems.RecordStamp).Select(t => RecordStamp.TryParse(Text(t, "code"))).FirstOrDefault(s => s is not null)
            : null;

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
