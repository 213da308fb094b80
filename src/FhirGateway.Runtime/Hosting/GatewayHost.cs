using FhirGateway.Runtime.Inbound;
using FhirGateway.Runtime.Intake;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.WebConsole;
using FhirGateway.Runtime.ServiceBus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FhirGateway.Runtime.Hosting;

/// <summary>How a command wants the host: configuration overrides, where logs go, and pieces composed in place of the defaults (before <see cref="GatewayModules.AddClinicMapping"/>, which only fills what is missing).</summary>
public sealed record GatewayHostSettings
{
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();
    /// <summary>A settings file in place of <c>./appsettings.json</c>.</summary>
    public string? ConfigFile { get; init; }
    /// <summary>Structured (JSON) logs on the console.</summary>
    public bool ConsoleLogs { get; init; } = true;
    /// <summary>Structured logs in <c>{Data}/logs/gateway.jsonl</c>.</summary>
    public bool FileLogs { get; init; } = true;
    public Action<IHostApplicationBuilder>? Compose { get; init; }
}

/// <summary>
/// The composition root of <c>fhirgw run</c> (and the demo): configuration, logging, the modules, the endpoints.
/// Only composes; every piece lives in its module.
/// </summary>
public static class GatewayHost
{
    public const string LogFileName = "gateway.jsonl";

    public static WebApplication Build(GatewayHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddGatewaySources(settings.Overrides, settings.ConfigFile);
        builder.AddGatewayLogging(settings);
        // A worker that fails outside its per-item handling stops the whole gateway (rather than leaving it half
        // running); the command then exits non-zero, naming the worker (see FaultedWorkers).
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost);
        builder.AddGatewayStore();
        builder.AddRecordIntake();
        builder.AddRecordPipeline();
        builder.AddPartnerDelivery();
        builder.AddPartnerInbound();
        builder.AddServiceBusEdge();
        builder.AddGatewayOperations();
        builder.AddLedgerCheckpoints();
        builder.AddOperatorConsole();
        settings.Compose?.Invoke(builder);
        builder.AddClinicMapping();
        builder.WebHost.UseUrls((builder.Configuration["Http:Urls"] ?? "http://127.0.0.1:5080").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var app = builder.Build();
        app.MapGatewayEndpoints();
        return app;
    }

    /// <summary>The OperationOutcome answers of an endpoint, for its OpenAPI description.</summary>
    private static RouteHandlerBuilder Refusals(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses) endpoint.Produces<ApiShapes.OperationOutcome>(status, "application/fhir+json");
        return endpoint;
    }

    /// <summary>The addresses a started web host listens on (port 0 resolved).</summary>
    public static IReadOnlyList<string> Addresses(IServiceProvider services) =>
        services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>The hosted workers that ended with an exception (so the host must not exit as if stopped cleanly), with the exception's type.</summary>
    public static IReadOnlyList<string> FaultedWorkers(IServiceProvider services) =>
        services.GetServices<IHostedService>().OfType<BackgroundService>()
            .Where(w => w.ExecuteTask is { IsFaulted: true })
            .Select(w => $"{w.GetType().Name} ({w.ExecuteTask!.Exception!.InnerException?.GetType().Name})")
            .ToList();

    /// <summary>The log file of a data folder.</summary>
    public static string LogFile(string dataFolder) => Path.Combine(Path.GetFullPath(dataFolder), "logs", LogFileName);

    private static void AddGatewayLogging(this WebApplicationBuilder builder, GatewayHostSettings settings)
    {
        builder.Logging.ClearProviders();
        if (settings.ConsoleLogs) builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        if (settings.FileLogs)
        {
            var file = LogFile(builder.Configuration["Data"] ?? "./.fhirgw");
            builder.Services.AddSingleton<ILoggerProvider>(_ => new JsonFileLoggerProvider(file, TimeProvider.System));
        }
    }

    private static void MapGatewayEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost("/records", RecordsEndpoint.PostAsync).RequireAuthorization(ConsoleModule.SendPolicy)
            .WithSummary("Send one clinic record (JSON); 202 once it is durably stored, with its receipt and Location.")
            .Accepts<System.Text.Json.JsonElement>("application/json")
            .Produces<ReceiptResponse>(StatusCodes.Status202Accepted).Produces<ReceiptResponse>(StatusCodes.Status200OK)
            .Refusals(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        app.MapGet("/records", RecordsListEndpoint.GetAsync).RequireAuthorization(ConsoleModule.ApiReadPolicy)
            .WithSummary("List records newest first by state, partner, kind and received time; page with the cursor 'next'. A patient filter goes only in POST /records/_search.")
            .Produces<ApiShapes.RecordList>().Refusals(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);
        app.MapPost("/records/_search", RecordsListEndpoint.SearchAsync).RequireAuthorization(ConsoleModule.ApiReadPolicy)
            .WithSummary("List records with the filters as a form body (state, partner, patient, kind, since, until, page, limit).")
            .Produces<ApiShapes.RecordList>().Refusals(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status415UnsupportedMediaType);
        app.MapGet("/records/{receipt}", RecordsEndpoint.GetAsync).RequireAuthorization(ConsoleModule.ApiReadPolicy)
            .WithSummary("Where the record of a receipt stands, each partner's delivery and the cause of its last failure.")
            .Produces<ApiShapes.RecordStatus>().Refusals(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
        app.MapGet("/inbound", InboundFeedEndpoint.GetAsync).RequireAuthorization(ConsoleModule.ApiReadPolicy);
        app.MapPost("/inbound/notifications/{partner}", NotificationEndpoint.PostAsync);
        app.MapOperatorConsole();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
    }

}
