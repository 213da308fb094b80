using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FhirGateway.Runtime.Sandbox;

/// <summary>
/// SANDBOX ONLY — a stand-in partner EHR for <c>fhirgw demo</c>: Kestrel on 127.0.0.1 (a free port) serving
/// <see cref="SandboxFhirServer"/> at <c>/fhir</c>. Never configured as a real partner.
/// </summary>
public sealed class SandboxPartnerEhr : IAsyncDisposable
{
    /// <summary>The resource types the sandbox's CapabilityStatement lists.</summary>
    public static readonly IReadOnlyList<string> ResourceTypes =
        [.. Partners.CapabilityCheck.GatewayResourceTypes, "Organization", "Practitioner", "DocumentReference"];

    private readonly WebApplication _app;

    private SandboxPartnerEhr(WebApplication app, SandboxFhirServer server, Uri baseUrl)
    {
        _app = app;
        Server = server;
        BaseUrl = baseUrl;
    }

    public SandboxFhirServer Server { get; }

    /// <summary>The FHIR base, e.g. <c>http://127.0.0.1:41234/fhir</c>.</summary>
    public Uri BaseUrl { get; }

    public static async Task<SandboxPartnerEhr> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new SandboxFhirServer();
        app.MapSandboxFhir("/fhir", server);
        await app.StartAsync(cancellationToken);
        var address = Hosting.GatewayHost.Addresses(app.Services)[0];
        return new SandboxPartnerEhr(app, server, new Uri(address.TrimEnd('/') + "/fhir"));
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
        endpoints.MapGet(prefix + "/{type}", (string type, string? identifier) => Fhir(server.Search(type, identifier)));
        return endpoints;
    }

    private static IResult Fhir(SandboxAnswer answer) => Results.Text(answer.Json, "application/fhir+json", System.Text.Encoding.UTF8, answer.Status);
}
