using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FhirGateway.Testing.Partners;

/// <summary>One transaction as the partner took it: when, the record keys its Provenance entries name (in entry order), and whether every entry was conditional.</summary>
public sealed record ReceivedTransaction(DateTimeOffset At, IReadOnlyList<string> RecordKeys, int Entries, bool AllConditional);

/// <summary>
/// A loopback partner that answers every transaction at once with a transaction-response of <c>201 Created</c> per
/// entry (a location per entry), storing no resources: it takes the partner's time out of a throughput figure. It
/// keeps what it was sent, in arrival order: each transaction's record keys (from the record-key tag of its Provenance
/// entries, one per record version) and whether each entry was a conditional request (create with ifNoneExist, or an
/// update by search), so a test can tell which records came, in which order, and whether a repeat was idempotent.
/// </summary>
public sealed class RecordingPartner : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _recordKeySystem;
    private readonly ConcurrentQueue<ReceivedTransaction> _received = new();
    private long _transactions;
    private long _entries;

    private RecordingPartner(WebApplication app, string recordKeySystem)
    {
        _app = app;
        _recordKeySystem = recordKeySystem;
    }

    public Uri BaseUrl { get; private set; } = null!;
    public long Transactions => Interlocked.Read(ref _transactions);
    public long Entries => Interlocked.Read(ref _entries);

    /// <summary>The transactions answered, in the order they arrived.</summary>
    public IReadOnlyList<ReceivedTransaction> Received => [.. _received];

    /// <param name="recordKeySystem">The meta.tag system of a Provenance's record key.</param>
    public static async Task<RecordingPartner> StartAsync(string recordKeySystem, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var partner = new RecordingPartner(app, recordKeySystem);
        app.MapPost("/fhir", partner.AnswerAsync);
        app.MapGet("/fhir/metadata", () => Results.Text("""{"resourceType":"CapabilityStatement","status":"active","kind":"instance","fhirVersion":"4.0.1","format":["json"]}""", "application/fhir+json"));
        await app.StartAsync(cancellationToken);
        partner.BaseUrl = new Uri(app.Urls.First() + "/fhir/");
        return partner;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var entries = new JsonArray();
        var keys = new List<string>();
        var conditional = true;
        if (doc.RootElement.TryGetProperty("entry", out var array))
            foreach (var entry in array.EnumerateArray())
            {
                var resource = entry.GetProperty("resource");
                var type = resource.GetProperty("resourceType").GetString();
                if (type == "Provenance") keys.AddRange(Tags(resource));
                conditional &= IsConditional(entry);
                entries.Add(new JsonObject { ["response"] = new JsonObject { ["status"] = "201 Created", ["location"] = $"{type}/{Interlocked.Increment(ref _entries)}/_history/1" } });
            }
        Interlocked.Increment(ref _transactions);
        _received.Enqueue(new ReceivedTransaction(DateTimeOffset.UtcNow, keys, entries.Count, conditional));
        var body = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction-response", ["entry"] = entries };
        context.Response.ContentType = "application/fhir+json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private IEnumerable<string> Tags(JsonElement resource)
    {
        if (!resource.TryGetProperty("meta", out var meta) || !meta.TryGetProperty("tag", out var tags)) yield break;
        foreach (var tag in tags.EnumerateArray())
            if (tag.TryGetProperty("system", out var s) && s.GetString() == _recordKeySystem && tag.TryGetProperty("code", out var code) && code.GetString() is { } key)
                yield return key;
    }

    /// <summary>A create only if absent (ifNoneExist), or a write to a search (<c>Type?identifier=…</c>) or to a client-assigned id: a repeat changes nothing new.</summary>
    private static bool IsConditional(JsonElement entry)
    {
        if (!entry.TryGetProperty("request", out var request)) return false;
        var method = request.TryGetProperty("method", out var m) ? m.GetString() : null;
        var url = request.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
        return method switch
        {
            "POST" => request.TryGetProperty("ifNoneExist", out var q) && !string.IsNullOrEmpty(q.GetString()),
            "PUT" => url.Contains('?', StringComparison.Ordinal) || url.Contains('/', StringComparison.Ordinal),
            _ => false,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
