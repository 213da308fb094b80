using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FhirGateway.Demo.Sandbox;

/// <summary>
/// SANDBOX ONLY — stand-in partner EHRs for <c>fhirgw demo</c>: Kestrel on 127.0.0.1 (a free port) serving one
/// <see cref="SandboxFhirServer"/> per sandbox hospital at <c>/{hospital}/fhir</c>. Never configured as a real partner.
/// </summary>
public sealed class SandboxPartnerEhr : IAsyncDisposable
{
    /// <summary>The resource types the sandbox's CapabilityStatement lists.</summary>
    public static readonly IReadOnlyList<string> ResourceTypes =
        [.. FhirGateway.Runtime.Partners.CapabilityCheck.GatewayResourceTypes, "Organization", "Practitioner", "DocumentReference"];

    private readonly WebApplication _app;
    private readonly Dictionary<string, SandboxFhirServer> _servers;
    private readonly Uri _root;

    private SandboxPartnerEhr(WebApplication app, Dictionary<string, SandboxFhirServer> servers, Uri root)
    {
        _app = app;
        _servers = servers;
        _root = root;
    }

    /// <summary>The names of the sandbox hospitals this EHR plays, each with its own store.</summary>
    public IReadOnlyCollection<string> Hospitals => _servers.Keys;

    public SandboxFhirServer Server(string hospital) => _servers[hospital];

    /// <summary>The FHIR base of one hospital, e.g. <c>http://127.0.0.1:41234/northbridge-uh/fhir</c>.</summary>
    public Uri BaseUrl(string hospital) => new(_root, $"/{hospital}/fhir");

    /// <summary>Starts one sandbox EHR on a free loopback port, serving each named hospital at <c>/{name}/fhir</c>.</summary>
    public static async Task<SandboxPartnerEhr> StartAsync(IReadOnlyList<string> hospitals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hospitals);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var servers = hospitals.ToDictionary(h => h, _ => new SandboxFhirServer(), StringComparer.Ordinal);
        foreach (var (name, server) in servers) app.MapSandboxFhir($"/{name}/fhir", server);
        await app.StartAsync(cancellationToken);
        return new SandboxPartnerEhr(app, servers, new Uri(FhirGateway.Runtime.Hosting.GatewayHost.Addresses(app.Services)[0]));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>SANDBOX ONLY. Maps the sandbox FHIR endpoints under a prefix: POST (transaction), GET metadata, GET Type?identifier=.</summary>
public static class SandboxEndpoints
{
    public static IEndpointRouteBuilder MapSandboxFhir(this IEndpointRouteBuilder endpoints, string prefix, SandboxFhirServer server)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(server);
        endpoints.MapPost(prefix, async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            return Fhir(server.Transaction(buffer.ToArray()));
        });
        endpoints.MapGet(prefix + "/metadata", () => Fhir(SandboxFhirServer.Capabilities(DateTimeOffset.UtcNow, SandboxPartnerEhr.ResourceTypes)));
        endpoints.MapGet(prefix + "/{type}", (string type, string? identifier, HttpContext context) =>
            Fhir(server.Search(type, identifier, context.Request.Query["_lastUpdated"].FirstOrDefault())));
        return endpoints;
    }

    private static IResult Fhir(SandboxAnswer answer) => Results.Text(answer.Json, "application/fhir+json", System.Text.Encoding.UTF8, answer.Status);
}
