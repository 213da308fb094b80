using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FhirGateway.Load;

/// <summary>
/// A loopback partner that answers every transaction at once with a transaction-response of <c>201 Created</c> per
/// entry (a location per entry), storing nothing: it takes the partner's time out of the figure, so what is measured
/// is the gateway.
/// </summary>
internal sealed class InstantPartner : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _transactions;
    private long _entries;

    private InstantPartner(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;
    public long Transactions => Interlocked.Read(ref _transactions);
    public long Entries => Interlocked.Read(ref _entries);

    public static async Task<InstantPartner> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var partner = new InstantPartner(app);
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
        var n = 0;
        if (doc.RootElement.TryGetProperty("entry", out var array))
            foreach (var entry in array.EnumerateArray())
            {
                var type = entry.GetProperty("resource").GetProperty("resourceType").GetString();
                entries.Add(new JsonObject { ["response"] = new JsonObject { ["status"] = "201 Created", ["location"] = $"{type}/{Interlocked.Increment(ref _entries)}/_history/1" } });
                n++;
            }
        Interlocked.Increment(ref _transactions);
        var body = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction-response", ["entry"] = entries };
        context.Response.ContentType = "application/fhir+json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
