using System.Text.Json.Nodes;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Mapping.Bundles;

/// <summary>
/// Builds the exchange-bundle transaction from mapped records. Each resource (type + business identifier) is one
/// entry - the Patient once, however many records name it - with fullUrl <c>urn:uuid:</c> its deterministic id, no
/// <c>id</c> (the server assigns it; a client-assigned id where the partner creates on update) and the conditional
/// request of <see cref="ConditionalRequests"/> for the partner's <see cref="PartnerSupport"/>. References to
/// entries become their <c>urn:uuid</c>; references to resources delivered in an earlier bundle become logical
/// references (type, identifier, display), so a bundle never fails on a resource it does not carry. When several
/// records give the same resource, the latest record's content is sent (by recordedAt, then version). Deterministic
/// and thread-safe.
/// </summary>
public sealed class TransactionBundleBuilder : ITransactionBundleBuilder
{
    private sealed class Slot(MappedResource resource, MappedRecord record)
    {
        public MappedResource Resource { get; set; } = resource;
        public MappedRecord Record { get; set; } = record;
        public List<string> RecordKeys { get; } = [record.Envelope.Key];
        public string FullUrl => $"urn:uuid:{DeterministicIds.For(Resource.ResourceType, Resource.Identifier)}";
    }

    public TransactionBundle Build(IReadOnlyList<MappedRecord> records) => Build(records, PartnerSupport.Unknown);

    public TransactionBundle Build(IReadOnlyList<MappedRecord> records, PartnerSupport support)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(support);
        var slots = new List<Slot>();
        var byKey = new Dictionary<(string, BusinessIdentifier), Slot>();
        foreach (var record in records)
            foreach (var resource in record.Resources)
            {
                if (!byKey.TryGetValue((resource.ResourceType, resource.Identifier), out var slot))
                {
                    slot = new Slot(resource, record);
                    byKey.Add((resource.ResourceType, resource.Identifier), slot);
                    slots.Add(slot);
                    continue;
                }
                if (!slot.RecordKeys.Contains(record.Envelope.Key)) slot.RecordKeys.Add(record.Envelope.Key);
                if (IsLater(record, slot.Record))
                {
                    slot.Resource = resource;
                    slot.Record = record;
                }
            }

        var fullUrls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var slot in slots) fullUrls.TryAdd($"{slot.Resource.ResourceType}/{slot.Resource.Id}", slot.FullUrl);

        var entries = new JsonArray();
        var described = new List<TransactionEntry>(slots.Count);
        foreach (var slot in slots)
        {
            var resource = JsonNode.Parse(slot.Resource.Json.Span)!.AsObject();
            var request = ConditionalRequests.For(slot.Resource.ResourceType, slot.Resource.Identifier, slot.Record.Envelope.Version, support);
            if (request.Path != IdempotencePath.ClientAssignedId) resource.Remove("id");
            if (request.Path == IdempotencePath.Tag) MetaTags.Ensure(resource, slot.Resource.Identifier.System, slot.Resource.Identifier.Value);
            var stamp = RecordStamp.Of(slot.Record.Envelope);
            if (request.Method == "PUT") MetaTags.Replace(resource, ClinicIg.Systems.RecordStamp, stamp.Code);
            ReferenceRewriter.Rewrite(resource, fullUrls);
            var requestJson = new JsonObject { ["method"] = request.Method, ["url"] = request.Url };
            if (request.IfNoneExist is not null) requestJson["ifNoneExist"] = request.IfNoneExist;
            entries.Add(new JsonObject { ["fullUrl"] = slot.FullUrl, ["resource"] = resource, ["request"] = requestJson });
            described.Add(new TransactionEntry(slot.RecordKeys, slot.Resource.ResourceType, slot.Resource.Id, slot.Resource.Identifier, request.Method, request.Url)
            {
                Lookup = request.Lookup,
                Stamp = stamp,
            });
        }
        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["meta"] = new JsonObject { ["profile"] = FhirNodes.Array(JsonValue.Create(ClinicIg.Profile("exchange-bundle"))) },
            ["type"] = "transaction",
            ["entry"] = entries,
        };
        return new TransactionBundle(FhirNodes.ToUtf8(bundle), described);
    }

    private static bool IsLater(MappedRecord candidate, MappedRecord current)
    {
        var c = candidate.Envelope.RecordedAt.CompareTo(current.Envelope.RecordedAt);
        return c > 0 || (c == 0 && candidate.Envelope.Version > current.Envelope.Version);
    }
}
