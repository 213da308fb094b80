namespace FhirGateway.Runtime.Hosting;

/// <summary>
/// The gateway's settings, bound from the configuration root: embedded <c>appsettings.json</c> defaults, an optional
/// <c>appsettings.json</c> in the working folder (or the file named by <c>FHIRGW_CONFIG</c>), then environment variables
/// <c>FHIRGW_…</c> (<c>FHIRGW_DATA</c>, <c>FHIRGW_PARTNERS__0__BASEURL</c>). Validated at start by <see cref="GatewayOptionsValidator"/>.
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>The data folder (SQLite store unless Store:Provider is PostgreSql, inbox, outbox, logs). <c>FHIRGW_DATA</c>; default <c>./.fhirgw</c>.</summary>
    public string Data { get; set; } = "./.fhirgw";

    /// <summary>The store engine: SQLite in the data folder (default) or a PostgreSQL database shared by several instances.</summary>
    public StoreOptions Store { get; set; } = new();
    public HttpOptions Http { get; set; } = new();
    public IntakeOptions Intake { get; set; } = new();
    public PipelineOptions Pipeline { get; set; } = new();
    public DeliveryOptions Delivery { get; set; } = new();
    public List<PartnerOptions> Partners { get; set; } = [];
    public TelemetryOptions Telemetry { get; set; } = new();
    public Ledger.LedgerOptions Ledger { get; set; } = new();
    public Operations.LoggingOptions Logging { get; set; } = new();
    public RetentionOptions Retention { get; set; } = new();
    /// <summary>What the gateway does with updates it takes in from partners (the outbox, the feed).</summary>
    public InboundOptions Inbound { get; set; } = new();
    public ServiceBus.ServiceBusOptions ServiceBus { get; set; } = new();

    public string DataFolder => Path.GetFullPath(Data);
}

public sealed class HttpOptions
{
    /// <summary>Where the gateway listens (<c>;</c>-separated). Port 0 picks a free port.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";
}

public sealed class IntakeOptions
{
    /// <summary>API keys accepted in the <see cref="ApiKeyHeader"/> header.</summary>
    public List<string> ApiKeys { get; set; } = [];
    /// <summary>Bearer tokens accepted in <c>Authorization: Bearer …</c>.</summary>
    public List<string> BearerTokens { get; set; } = [];
    /// <summary>Named keys with a role (<c>operator</c> or <c>auditor</c>), each accepted as an API key or a bearer token; ApiKeys and BearerTokens act as operators.</summary>
    public List<AccessKeyOptions> Keys { get; set; } = [];
    public string ApiKeyHeader { get; set; } = "X-Api-Key";
    public int MaxRecordBytes { get; set; } = 1024 * 1024;
    /// <summary>The watched inbox folder; empty for <c>{Data}/inbox</c>.</summary>
    public string? Inbox { get; set; }
    public TimeSpan InboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>A file younger than this is left for the next look (it may still be being written).</summary>
    public TimeSpan InboxSettleTime { get; set; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>A named key and its role: <c>operator</c> (may send records, replay and release) or <c>auditor</c> (reads only).</summary>
public sealed class AccessKeyOptions
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public string Role { get; set; } = "operator";
}

public sealed class PipelineOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Records mapped and validated at once (one loop each; a patient's records still go one at a time, in order).</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;
    /// <summary>Records one loop claims in one transaction (at most one per patient) and stores the outcomes of in one transaction.</summary>
    public int BatchSize { get; set; } = 32;
}

public sealed class DeliveryOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>The first retry's delay of the durable queue; doubled per attempt, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>After this many attempts a delivery is parked.</summary>
    public int MaxAttempts { get; set; } = 25;
    /// <summary>Quick retries inside one attempt (Polly), for brief network failures.</summary>
    public int InlineRetries { get; set; } = 2;
    public TimeSpan InlineRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
    /// <summary>A Retry-After longer than this is left to the durable queue instead of waiting inline.</summary>
    public TimeSpan MaxInlineRetryAfter { get; set; } = TimeSpan.FromSeconds(5);
    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();
}

public sealed class CircuitBreakerOptions
{
    public double FailureRatio { get; set; } = 0.5;
    public int MinimumThroughput { get; set; } = 5;
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}

public enum PartnerAuthMode
{
    None,
    Bearer,
    ClientCredentials,
}

public sealed class PartnerAuthOptions
{
    public PartnerAuthMode Mode { get; set; } = PartnerAuthMode.None;
    /// <summary>The static token for <see cref="PartnerAuthMode.Bearer"/>.</summary>
    public string? Token { get; set; }
    public string? TokenEndpoint { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? Scope { get; set; }
}

public sealed class PartnerOptions
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    /// <summary>The partner organisation's identifier, <c>system|value</c>, matched against consents.</summary>
    public string Organization { get; set; } = "";
    public string BaseUrl { get; set; } = "";
    public PartnerAuthOptions Auth { get; set; } = new();
    /// <summary>How long one HTTP attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Records per transaction Bundle.</summary>
    public int BatchSize { get; set; } = 10;
    /// <summary>The most entries the partner takes in one transaction; empty for no known limit (a refusal that names a size limit teaches the gateway one).</summary>
    public int? MaxTransactionEntries { get; set; }
    /// <summary>True when the partner resolves conditional references (<c>Type?identifier=…</c>) inside a transaction.</summary>
    public bool ConditionalReferences { get; set; }
    /// <summary>The clinic patient ids this partner follows; empty (or <c>*</c>) for all.</summary>
    public List<string> Patients { get; set; } = [];
    /// <summary>The record kinds it receives; empty for all.</summary>
    public List<string> RecordKinds { get; set; } = [];
    /// <summary>Lets BaseUrl (and the token endpoint) be plain http:// to a host other than loopback; flagged at start and by partners check.</summary>
    public bool AllowInsecureHttp { get; set; }
    /// <summary>A PKCS#12 file with the client certificate (and key) presented to the partner (mutual TLS).</summary>
    public string? ClientCertificate { get; set; }
    public string? ClientCertificatePassword { get; set; }
    /// <summary>Or a certificate in a store: <c>CurrentUser/My/THUMBPRINT</c>.</summary>
    public string? ClientCertificateStore { get; set; }
    /// <summary>The ICD-10 edition its EHR reads: <c>who</c> (WHO ICD-10, the default) or <c>cm</c> (ICD-10-CM).</summary>
    public string Icd10 { get; set; } = "who";
    /// <summary>The system of its own patient identifier (MRN), matched against the record's <c>patient.partnerIdentifiers[]</c>; none to match by the clinic MRN.</summary>
    public string? PatientIdentifierSystem { get; set; }
    /// <summary>Whether and how the gateway follows what the partner's team records (polling or a subscription).</summary>
    public PartnerInboundOptions Inbound { get; set; } = new();
}

public sealed class TelemetryOptions
{
    /// <summary>An OTLP endpoint to export metrics to; empty to export none (the meters still count).</summary>
    public string? OtlpEndpoint { get; set; }
}

public sealed class RetentionOptions
{
    /// <summary>How long a delivered record keeps its payload and resources; <c>fhirgw records prune</c> without <c>--delivered-before</c> removes older ones. Empty: kept until pruned by date.</summary>
    public TimeSpan? DeliveredPayloads { get; set; }
}
