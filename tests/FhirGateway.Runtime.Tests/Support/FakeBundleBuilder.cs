using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FhirGateway.Mapping;

namespace FhirGateway.Runtime.Tests.Support;

/// <summary>
/// A stand-in transaction builder following the ITransactionBundleBuilder contract: one entry per resource (a resource
/// shared by records, the Patient, once), urn:uuid fullUrls, references between entries rewritten to those urns,
/// Patient by conditional create (If-None-Exist) and the rest by conditional update on the business identifier.
/// </summary>
public sealed class FakeBundleBuilder : ITransactionBundleBuilder
{
    public TransactionBundle Build(IReadOnlyList<MappedRecord> records)
    {
        var order = new List<(MappedResource Resource, List<string> Keys)>();
        foreach (var record in records)
            foreach (var resource in record.Resources)
            {
                var existing = order.FindIndex(o => o.Resource.ResourceType == resource.ResourceType && o.Resource.Id == resource.Id);
                if (existing >= 0) order[existing].Keys.Add(record.Envelope.Key);
                else order.Add((resource, [record.Envelope.Key]));
            }
        var urns = order.ToDictionary(o => $"{o.Resource.ResourceType}/{o.Resource.Id}", o => "urn:uuid:" + Uuid(o.Resource));
        var entries = new JsonArray();
        var described = new List<TransactionEntry>();
        foreach (var (resource, keys) in order)
        {
            var text = Encoding.UTF8.GetString(resource.Json.Span);
            foreach (var (local, urn) in urns) text = text.Replace($"\"reference\":\"{local}\"", $"\"reference\":\"{urn}\"", StringComparison.Ordinal);
            var node = JsonNode.Parse(text)!.AsObject();
            node.Remove("id");
            var token = Uri.EscapeDataString(resource.Identifier.SearchToken);
            var (method, url) = resource.ResourceType == "Patient" ? ("POST", resource.ResourceType) : ("PUT", $"{resource.ResourceType}?identifier={token}");
            var request = new JsonObject { ["method"] = method, ["url"] = url };
            if (method == "POST") request["ifNoneExist"] = "identifier=" + token;
            entries.Add(new JsonObject { ["fullUrl"] = urns[$"{resource.ResourceType}/{resource.Id}"], ["resource"] = node, ["request"] = request });
            described.Add(new TransactionEntry(keys, resource.ResourceType, resource.Id, resource.Identifier, method, url));
        }
        var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = entries };
        return new TransactionBundle(Encoding.UTF8.GetBytes(bundle.ToJsonString()), described);
    }

    private static Guid Uuid(MappedResource resource) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{resource.ResourceType}/{resource.Id}")).AsSpan(0, 16));
}
