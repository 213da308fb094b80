using FhirGateway.Mapping;
using FhirGateway.Mapping.Bundles;
using FhirGateway.Runtime.Delivery;
using FhirGateway.Runtime.Inbound;
using FhirGateway.Runtime.Intake;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Pipeline;
using FhirGateway.Runtime.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FhirGateway.Runtime.Hosting;

/// <summary>The gateway's modules, one <c>AddXxx</c> each; <see cref="GatewayHost"/> composes them.</summary>
public static class GatewayModules
{
    /// <summary>Options (bound once, validated at start), the clock, the ledger key, the store and its initialiser, the checkpoint writer.</summary>
    public static IHostApplicationBuilder AddGatewayStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddGatewayOptions();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(sp => LedgerKeyRing.From(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Ledger));
        builder.Services.TryAddSingleton(sp => GatewayStores.Create(sp.GetRequiredService<IOptions<GatewayOptions>>().Value, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<LedgerKeyRing>()));
        // each worker, endpoint and command sees only its job's part of the store: the same singleton behind each
        builder.Services.TryAddSingleton<IIntakeStore>(sp => sp.GetRequiredService<IGatewayStore>());
        builder.Services.TryAddSingleton<IPipelineStore>(sp => sp.GetRequiredService<IGatewayStore>());
        builder.Services.TryAddSingleton<IDeliveryStore>(sp => sp.GetRequiredService<IGatewayStore>());
        builder.Services.TryAddSingleton<ILedgerStore>(sp => sp.GetRequiredService<IGatewayStore>());
        builder.Services.TryAddSingleton<IRecordQueries>(sp => sp.GetRequiredService<IGatewayStore>());
        builder.Services.TryAddSingleton<IOperatorActions>(sp => sp.GetRequiredService<IGatewayStore>());
        builder.Services.TryAddSingleton<IPartnerStateStore>(sp => sp.GetRequiredService<IGatewayStore>() as IPartnerStateStore
            ?? throw new InvalidOperationException("The gateway store does not keep partner state (IPartnerStateStore)."));
        builder.Services.TryAddSingleton<LedgerCheckpoints>();
        builder.Services.TryAddSingleton<LedgerAudit>();
        builder.Services.TryAddSingleton<LogRecordKeys>();
        builder.Services.AddHttpClient(LedgerCheckpoints.SinkClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHostedService<StoreInitializer>();
        builder.Services.TryAddSingleton<WorkSignals>();
        builder.Services.TryAddSingleton<WorkerIdentity>();
        builder.Services.TryAddSingleton<GatewayMetrics>();
        builder.Services.AddMetrics();
        return builder;
    }

    /// <summary>The worker that writes signed checkpoints of the ledger's head (see <see cref="LedgerCheckpoints"/>).</summary>
    public static IHostApplicationBuilder AddLedgerCheckpoints(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<LedgerCheckpointWorker>();
        return builder;
    }

    /// <summary>Intake: the shared <see cref="RecordIntake"/>, API key / bearer authentication, the inbox watcher.</summary>
    public static IHostApplicationBuilder AddRecordIntake(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<RecordIntake>();
        builder.Services.TryAddSingleton<IRecordMapper, RecordMapper>(); // intake checks the record contract of the mapper
        builder.Services.AddAuthentication(IntakeAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, IntakeAuthenticationHandler>(IntakeAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddHostedService<InboxWatcher>();
        return builder;
    }

    /// <summary>The clinic's mapping: the record mapper, the transaction bundle builder and the full validation against R4 core and the clinic profiles.</summary>
    public static IHostApplicationBuilder AddClinicMapping(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IRecordMapper, RecordMapper>();
        builder.Services.TryAddSingleton<ITransactionBundleBuilder, TransactionBundleBuilder>();
        builder.Services.TryAddSingleton<IRecordValidator>(sp => new FhirRecordValidator(sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>The pipeline worker. Needs an <see cref="IRecordMapper"/> and an <see cref="IRecordValidator"/> (see <see cref="AddClinicMapping"/>).</summary>
    public static IHostApplicationBuilder AddRecordPipeline(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<PartnerDirectory>();
        builder.Services.TryAddSingleton<CrossRecordChecks>();
        builder.Services.TryAddSingleton<RecordProcessor>();
        builder.Services.AddHostedService<PipelineWorker>();
        return builder;
    }

    /// <summary>Partners: one named HttpClient each with its Polly pipeline and credentials; the delivery worker.</summary>
    public static IHostApplicationBuilder AddPartnerDelivery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<PartnerDirectory>();
        builder.Services.TryAddSingleton<PartnerCircuits>();
        builder.Services.TryAddSingleton<PartnerTokens>();
        builder.Services.TryAddSingleton<PartnerClient>();
        builder.Services.TryAddSingleton<PartnerCapabilities>();
        builder.Services.TryAddSingleton<VersionGuard>();
        builder.Services.TryAddSingleton<TransactionSender>();
        builder.Services.TryAddSingleton<DeliveryOutcomes>();
        builder.Services.TryAddSingleton<DeliveryProcessor>();
        builder.Services.AddHttpClient(PartnerTokens.TokenClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        // only the ids, as text: converting the other settings here would throw before they are validated and named
        var ids = builder.Configuration.GetSection("Partners").GetChildren().Select(p => p["Id"]);
        foreach (var id in ids.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!).Distinct(StringComparer.Ordinal))
        {
            var client = builder.Services.AddHttpClient("partner:" + id, c => c.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(sp => PartnerTransport.Handler(
                    sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Partners.First(p => p.Id == id)));
            client.AddResilienceHandler("partner", (pipeline, context) =>
                {
                    var sp = context.ServiceProvider;
                    PartnerResilience.Configure(pipeline, Partner(sp, id), sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Delivery,
                        sp.GetRequiredService<PartnerCircuits>(), sp.GetRequiredService<GatewayMetrics>(),
                        sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger(typeof(PartnerCircuits).FullName!));
                });
            client.AddHttpMessageHandler(sp => new PartnerAuthHandler(Partner(sp, id), sp.GetRequiredService<PartnerTokens>()));
        }
        builder.Services.AddHostedService<PartnerTransportCheck>();
        builder.Services.AddHostedService<DeliveryWorker>();
        return builder;
    }

    /// <summary>Inbound updates from partners: search and subscription notifications, the receiver, the worker and the outbox writer.</summary>
    public static IHostApplicationBuilder AddPartnerInbound(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IInboundStore>(sp => (IInboundStore)sp.GetRequiredService<IGatewayStore>());
        builder.Services.TryAddSingleton<IInboundValidator>(sp => new R4InboundValidator(sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton<InboundSignal>();
        builder.Services.TryAddSingleton<EchoFilter>();
        builder.Services.TryAddSingleton<PatientMatcher>();
        builder.Services.TryAddSingleton<InboundReceiver>();
        builder.Services.TryAddSingleton<InboundSearch>();
        builder.Services.TryAddSingleton<NotificationHandler>();
        builder.Services.AddHostedService<InboundWorker>();
        builder.Services.AddHostedService<OutboxWriter>();
        return builder;
    }

    /// <summary>Health checks (live; ready: store and partner circuits), OpenTelemetry metrics (Prometheus at <c>/metrics</c>, OTLP) and traces, the OpenAPI description.</summary>
    public static IHostApplicationBuilder AddGatewayOperations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: ["ready"])
            .AddCheck<PartnerCircuitsHealthCheck>("partners", tags: ["ready"]);
        var otlp = builder.Configuration["Telemetry:OtlpEndpoint"];
        var endpoint = !string.IsNullOrWhiteSpace(otlp) && Uri.TryCreate(otlp, UriKind.Absolute, out var uri) ? uri : null;
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GatewayMetrics.MeterName);
                metrics.AddPrometheusExporter();
                if (endpoint is not null) metrics.AddOtlpExporter(o => o.Endpoint = endpoint);
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(GatewayTracing.SourceName);
                if (endpoint is not null) tracing.AddOtlpExporter(o => o.Endpoint = endpoint);
            });
        builder.Services.AddHostedService<QueueDepthGauge>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<GatewayApiDescription>());
        return builder;
    }

    private static IHostApplicationBuilder AddGatewayOptions(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(GatewayOptionsValidator))) return builder;
        builder.Services.AddSingleton<GatewayOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<GatewayOptions>>(sp => sp.GetRequiredService<GatewayOptionsValidator>());
        // Each setting's text is checked against its option's type before binding, so a value that cannot be converted is
        // a named problem like any invalid setting (and a duration without its unit is refused), never a binder exception.
        builder.Services.AddOptions<GatewayOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var problems = SettingsCheck.Problems(configuration);
            if (problems.Count > 0) throw new OptionsValidationException(Options.DefaultName, typeof(GatewayOptions), problems);
            configuration.Bind(options);
        }).ValidateOnStart();
        return builder;
    }

    private static Partner Partner(IServiceProvider sp, string id) =>
        sp.GetRequiredService<PartnerDirectory>().Find(id) ?? throw new InvalidOperationException($"Partner {id} is not configured.");
}
