using System.Text.Json;
using System.Text.Json.Nodes;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.Demo.Sandbox;

/// <summary>An HTTP answer of the sandbox: status and FHIR JSON body.</summary>
public sealed record SandboxAnswer(int Status, string Json);

/// <summary>
/// SANDBOX ONLY — not part of the gateway's product path. A minimal in-memory FHIR R4 server for the demo and the
/// tests: it takes transaction Bundles all-or-nothing, honours conditional create (<c>ifNoneExist=identifier=…</c>) and
/// conditional update (<c>PUT Type?identifier=…</c>), rewrites <c>urn:uuid:</c> references to the ids it assigns, and
/// keeps every resource with a version. Thread-safe (one lock).
/// </summary>
public sealed class SandboxFhirServer
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, (int Version, JsonObject Resource)>> _resources = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _nextId;

    public SandboxFhirServer(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>How many transactions were committed.</summary>
    public int Transactions { get; private set; }

    public int Count(string resourceType)
    {
        lock (_gate) return _resources.TryGetValue(resourceType, out var byId) ? byId.Count : 0;
    }

    public int CountAll()
    {
        lock (_gate) return _resources.Values.Sum(r => r.Count);
    }

    /// <summary>Copies of the stored resources of a type.</summary>
    public IReadOnlyList<JsonObject> All(string resourceType)
    {
        lock (_gate)
            return _resources.TryGetValue(resourceType, out var byId) ? byId.Values.Select(v => (JsonObject)v.Resource.DeepClone()).ToList() : [];
    }

    /// <summary>Processes a transaction Bundle: a transaction-response (200) or an OperationOutcome (400, 412, 422) with nothing stored.</summary>
    public SandboxAnswer Transaction(ReadOnlySpan<byte> body)
    {
        JsonObject bundle;
        try
        {
            bundle = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            return Outcome(400, "structure", "The body is not JSON: " + JsonErrorText.Describe(e));
        }
        if ((string?)bundle["resourceType"] != "Bundle" || (string?)bundle["type"] != "transaction")
            return Outcome(400, "invalid", "POST [base] takes a Bundle of type transaction");
        lock (_gate)
        {
            var plan = new SandboxTransactionPlan(this);
            var problem = plan.Prepare(bundle["entry"] as JsonArray ?? []);
            if (problem is not null) return problem;
            return plan.Commit(_time.GetUtcNow());
        }
    }

    /// <summary>
    /// <c>GET [base]/Type?identifier=system|value&amp;_lastUpdated=geINSTANT</c> as a searchset Bundle (every match in
    /// one page, by lastUpdated; other parameters are ignored, as a lenient server does).
    /// </summary>
    public SandboxAnswer Search(string resourceType, string? identifier, string? lastUpdated = null)
    {
        var from = lastUpdated is { Length: > 2 } lu && lu.StartsWith("ge", StringComparison.Ordinal)
            && DateTimeOffset.TryParse(lu[2..], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        lock (_gate)
        {
            var found = Find(resourceType, identifier).Select(id => _resources[resourceType][id].Resource)
                .Where(r => from is null || LastUpdated(r) >= from).OrderBy(LastUpdated).ToList();
            var entries = new JsonArray(found.Select(r => (JsonNode)new JsonObject { ["resource"] = r.DeepClone() }).ToArray());
            return new SandboxAnswer(200, new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset", ["total"] = found.Count, ["entry"] = entries }.ToJsonString());
        }
    }

    /// <summary>
    /// Records a resource as the partner's own team would (a result, a medication, a plan change): a new id, version 1,
    /// lastUpdated now. Returns the stored copy. For the demo's inbound step.
    /// </summary>
    public JsonObject Record(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var type = (string?)resource["resourceType"] ?? throw new ArgumentException("The resource has no resourceType.", nameof(resource));
        lock (_gate)
        {
            var stored = (JsonObject)resource.DeepClone();
            var id = NewId();
            stored["id"] = id;
            stored["meta"] = new JsonObject { ["versionId"] = "1", ["lastUpdated"] = _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
            Store(type, id, 1, stored);
            return (JsonObject)stored.DeepClone();
        }
    }

    private static DateTimeOffset LastUpdated(JsonObject resource) =>
        DateTimeOffset.TryParse((string?)resource["meta"]?["lastUpdated"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue;

    /// <summary>The CapabilityStatement: R4 4.0.1, JSON, transaction, conditional create and update on every type it is asked for.</summary>
    public static SandboxAnswer Capabilities(DateTimeOffset now, IEnumerable<string> resourceTypes)
    {
        var resources = new JsonArray(resourceTypes.Select(t => (JsonNode)new JsonObject
        {
            ["type"] = t,
            ["interaction"] = new JsonArray(new JsonObject { ["code"] = "create" }, new JsonObject { ["code"] = "update" }, new JsonObject { ["code"] = "search-type" }),
            ["conditionalCreate"] = true,
            ["conditionalUpdate"] = true,
        }).ToArray());
        var statement = new JsonObject
        {
            ["resourceType"] = "CapabilityStatement",
            ["status"] = "active",
            ["date"] = now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["kind"] = "instance",
            ["software"] = new JsonObject { ["name"] = "FhirGateway sandbox partner EHR (not a product)" },
            ["fhirVersion"] = "4.0.1",
            ["format"] = new JsonArray("application/fhir+json", "json"),
            ["rest"] = new JsonArray(new JsonObject
            {
                ["mode"] = "server",
                ["resource"] = resources,
                ["interaction"] = new JsonArray(new JsonObject { ["code"] = "transaction" }),
            }),
        };
        return new SandboxAnswer(200, statement.ToJsonString());
    }

    internal List<string> Find(string resourceType, string? identifier)
    {
        if (!_resources.TryGetValue(resourceType, out var byId)) return [];
        if (identifier is null) return byId.Keys.ToList();
        var bar = identifier.IndexOf('|', StringComparison.Ordinal);
        var (system, value) = bar < 0 ? ((string?)null, identifier) : (identifier[..bar], identifier[(bar + 1)..]);
        return byId.Where(kv => HasIdentifier(kv.Value.Resource, system, value)).Select(kv => kv.Key).ToList();
    }

    internal string NewId() => (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal int CurrentVersion(string type, string id) =>
        _resources.TryGetValue(type, out var byId) && byId.TryGetValue(id, out var stored) ? stored.Version : 0;

    internal void Store(string type, string id, int version, JsonObject resource)
    {
        if (!_resources.TryGetValue(type, out var byId)) _resources[type] = byId = new Dictionary<string, (int, JsonObject)>(StringComparer.Ordinal);
        byId[id] = (version, resource);
    }

    internal void Committed() => Transactions++;

    private static bool HasIdentifier(JsonObject resource, string? system, string value) =>
        resource["identifier"] is JsonArray identifiers && identifiers.OfType<JsonObject>().Any(i =>
            (string?)i["value"] == value && (system is null || (string?)i["system"] == system));

    internal static SandboxAnswer Outcome(int status, string code, string text) =>
        new(status, new JsonObject
        {
            ["resourceType"] = "OperationOutcome",
            ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = code, ["diagnostics"] = text }),
        }.ToJsonString());
}
