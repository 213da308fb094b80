using System.Text.Json.Nodes;

namespace FhirGateway.Demo.Sandbox;

/// <summary>
/// SANDBOX ONLY. One transaction of <see cref="SandboxFhirServer"/>: resolves every entry (create, conditional create,
/// conditional or plain update) before anything is stored, rewrites <c>urn:uuid:</c> references, then commits all.
/// </summary>
internal sealed class SandboxTransactionPlan(SandboxFhirServer server)
{
    private readonly List<Step> _steps = [];
    private readonly Dictionary<string, string> _fullUrls = new(StringComparer.Ordinal);

    private sealed record Step(string Type, string Id, JsonObject? Resource, bool Create, bool Change);

    /// <summary>Resolves the entries; an OperationOutcome answer when the transaction must fail.</summary>
    public SandboxAnswer? Prepare(JsonArray entries)
    {
        var index = 0;
        foreach (var entry in entries.OfType<JsonObject>())
        {
            var resource = entry["resource"] as JsonObject;
            var request = entry["request"] as JsonObject;
            var method = (string?)request?["method"];
            var url = (string?)request?["url"] ?? "";
            var type = (string?)resource?["resourceType"];
            if (resource is null || type is null || method is null)
                return SandboxFhirServer.Outcome(400, "required", $"entry {index} needs a resource with resourceType and a request.method");
            var step = method switch
            {
                "POST" => Post(type, resource, (string?)request!["ifNoneExist"]),
                "PUT" => Put(type, resource, url),
                _ => null,
            };
            if (step is null) return SandboxFhirServer.Outcome(400, "not-supported", $"entry {index}: {method} {url} is not supported by the sandbox");
            if (step.Id.Length == 0) return SandboxFhirServer.Outcome(412, "multiple-matches", $"entry {index}: the condition matches more than one {type}");
            if ((string?)entry["fullUrl"] is { } fullUrl) _fullUrls[fullUrl] = $"{type}/{step.Id}";
            _steps.Add(step);
            index++;
        }
        foreach (var step in _steps.Where(s => s.Change))
            if (Rewrite(step.Resource!) is { } dangling)
                return SandboxFhirServer.Outcome(400, "not-found", $"the reference {dangling} names no entry of the transaction");
        return null;
    }

    public SandboxAnswer Commit(DateTimeOffset now)
    {
        var responses = new JsonArray();
        foreach (var step in _steps)
        {
            var version = server.CurrentVersion(step.Type, step.Id);
            if (step.Change)
            {
                version++;
                step.Resource!["id"] = step.Id;
                step.Resource["meta"] = new JsonObject { ["versionId"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["lastUpdated"] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
                server.Store(step.Type, step.Id, version, step.Resource);
            }
            responses.Add(new JsonObject
            {
                ["response"] = new JsonObject
                {
                    ["status"] = step.Create ? "201 Created" : "200 OK",
                    ["location"] = $"{step.Type}/{step.Id}/_history/{version}",
                    ["etag"] = $"W/\"{version}\"",
                },
            });
        }
        server.Committed();
        return new SandboxAnswer(200, new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction-response", ["entry"] = responses }.ToJsonString());
    }

    private Step Post(string type, JsonObject resource, string? ifNoneExist)
    {
        if (ifNoneExist is not null)
        {
            var matches = Matches(type, ifNoneExist);
            if (matches.Count > 1) return new Step(type, "", null, false, false);
            if (matches.Count == 1) return new Step(type, matches[0], null, false, false);
        }
        return new Step(type, server.NewId(), (JsonObject)resource.DeepClone(), true, true);
    }

    private Step? Put(string type, JsonObject resource, string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query > 0)
        {
            if (url[..query] != type) return null;
            var matches = Matches(type, url[(query + 1)..]);
            if (matches.Count > 1) return new Step(type, "", null, false, false);
            return matches.Count == 1
                ? new Step(type, matches[0], (JsonObject)resource.DeepClone(), false, true)
                : new Step(type, server.NewId(), (JsonObject)resource.DeepClone(), true, true);
        }
        var slash = url.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || url[..slash] != type) return null;
        var id = url[(slash + 1)..];
        return new Step(type, id, (JsonObject)resource.DeepClone(), server.CurrentVersion(type, id) == 0, true);
    }

    /// <summary>Matches on <c>identifier=system|value</c>, also against resources created earlier in this transaction.</summary>
    private List<string> Matches(string type, string condition)
    {
        const string prefix = "identifier=";
        var identifier = condition.StartsWith(prefix, StringComparison.Ordinal) ? Uri.UnescapeDataString(condition[prefix.Length..]) : null;
        if (identifier is null) return [];
        var found = server.Find(type, identifier);
        var bar = identifier.IndexOf('|', StringComparison.Ordinal);
        foreach (var step in _steps.Where(s => s.Create && s.Type == type && s.Resource?["identifier"] is JsonArray))
            if (((JsonArray)step.Resource!["identifier"]!).OfType<JsonObject>().Any(i =>
                    (bar < 0 || (string?)i["system"] == identifier[..bar]) && (string?)i["value"] == identifier[(bar + 1)..]))
                found.Add(step.Id);
        return found.Distinct().ToList();
    }

    /// <summary>Rewrites every <c>reference: urn:uuid:…</c> in place; returns a reference that names no entry, if any.</summary>
    private string? Rewrite(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (name == "reference" && value is JsonValue v && v.TryGetValue<string>(out var reference) && reference.StartsWith("urn:uuid:", StringComparison.Ordinal))
                    {
                        if (!_fullUrls.TryGetValue(reference, out var local)) return reference;
                        obj[name] = local;
                    }
                    else if (value is not null && Rewrite(value) is { } dangling) return dangling;
                }
                return null;
            case JsonArray array:
                foreach (var item in array)
                    if (item is not null && Rewrite(item) is { } dangling) return dangling;
                return null;
            default:
                return null;
        }
    }
}
