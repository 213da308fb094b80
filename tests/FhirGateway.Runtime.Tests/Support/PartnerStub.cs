using System.Collections.Concurrent;
using System.Net;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Demo.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FhirGateway.Runtime.Tests.Support;

/// <summary>One scripted answer of the stub to the next transaction POST.</summary>
/// <param name="Status">The status to answer; 0 to let the sandbox answer.</param>
/// <param name="Body">The body to answer (an OperationOutcome), when Status is set.</param>
/// <param name="RetryAfter">A Retry-After header (seconds).</param>
/// <param name="Delay">Wait this long (real time) before answering.</param>
/// <param name="CommitFirst">Store the transaction, then answer Status anyway (a lost answer).</param>
public sealed record StubFault(int Status = 0, string? Body = null, int? RetryAfter = null, TimeSpan? Delay = null, bool CommitFirst = false);

/// <summary>
/// A partner EHR for end-to-end tests: Kestrel on 127.0.0.1 serving the sandbox FHIR server at /fhir, with scripted
/// faults (errors, 429 with Retry-After, slow answers, timeouts, lost answers), refusal rules, an OAuth2 token
/// endpoint at /token, and a record of what it received.
/// </summary>
public sealed class PartnerStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _posts;
    private int _tokens;

    private PartnerStub(WebApplication app, SandboxFhirServer server)
    {
        _app = app;
        Server = server;
    }

    public SandboxFhirServer Server { get; }
    public ConcurrentQueue<StubFault> Faults { get; } = new();
    /// <summary>Refuse (400 with the outcome) every transaction whose body contains the key.</summary>
    public ConcurrentDictionary<string, string> RefuseContaining { get; } = new(StringComparer.Ordinal);
    public ConcurrentQueue<string> Authorizations { get; } = new();
    /// <summary>Answers every POST with this (until cleared), e.g. 503 to open the circuit.</summary>
    public StubFault? Always { get; set; }
    public string? CapabilityStatement { get; set; }
    public int Posts => Volatile.Read(ref _posts);
    public int TokenRequests => Volatile.Read(ref _tokens);
    public Uri BaseUrl { get; private set; } = null!;
    public Uri TokenUrl => new(BaseUrl, "/token");

    public static async Task<PartnerStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new PartnerStub(app, new SandboxFhirServer());
        app.MapPost("/fhir", (Delegate)((HttpContext context) => stub.TransactionAsync(context)));
        app.MapGet("/fhir/metadata", () => stub.CapabilityStatement is { } cs
            ? Results.Text(cs, "application/fhir+json")
            : Fhir(SandboxFhirServer.Capabilities(DateTimeOffset.UtcNow, SandboxPartnerEhr.ResourceTypes)));
        app.MapPost("/token", () =>
        {
            var n = Interlocked.Increment(ref stub._tokens);
            return Results.Json(new Dictionary<string, object> { ["access_token"] = $"tok-{n}", ["token_type"] = "bearer", ["expires_in"] = 3600 });
        });
        await app.StartAsync();
        var address = GatewayHost.Addresses(app.Services)[0];
        stub.BaseUrl = new Uri(address.TrimEnd('/') + "/fhir");
        return stub;
    }

    private async Task<IResult> TransactionAsync(HttpContext context)
    {
        Interlocked.Increment(ref _posts);
        Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var fault = Always ?? (Faults.TryDequeue(out var next) ? next : null);
        if (fault?.Delay is { } delay) await Task.Delay(delay, context.RequestAborted);
        var text = System.Text.Encoding.UTF8.GetString(body);
        foreach (var (key, outcome) in RefuseContaining)
            if (text.Contains(key, StringComparison.Ordinal)) return Results.Text(outcome, "application/fhir+json", null, 400);
        if (fault is null || fault.Status == 0) return Fhir(Server.Transaction(body));
        if (fault.CommitFirst) Server.Transaction(body);
        if (fault.RetryAfter is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Text(fault.Body ?? "", "application/fhir+json", null, fault.Status);
    }

    public static string Outcome(string diagnostics) =>
        $$"""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"business-rule","diagnostics":"{{diagnostics}}"}]}""";

    private static IResult Fhir(SandboxAnswer answer) => Results.Text(answer.Json, "application/fhir+json", null, answer.Status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
