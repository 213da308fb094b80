using FhirGateway.Mapping.Records;
using FhirGateway.Runtime.Partners;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Hosting;

/// <summary>Checks every setting at start and names each bad one by its key and its environment variable.</summary>
public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Fail(string key, string message) => failures.Add($"{Setting(key)}: {message}");

        if (string.IsNullOrWhiteSpace(options.Data)) Fail("Data", "the data folder must be given");
        foreach (var (key, message) in GatewayStores.Problems(options.Store)) Fail(key, message);
        if (string.IsNullOrWhiteSpace(options.Http.Urls)) Fail("Http:Urls", "at least one URL to listen on must be given");
        if (options.Intake.MaxRecordBytes is < 256 or > 64 * 1024 * 1024) Fail("Intake:MaxRecordBytes", $"must be between 256 and 67108864, found {options.Intake.MaxRecordBytes}");
        if (string.IsNullOrWhiteSpace(options.Intake.ApiKeyHeader)) Fail("Intake:ApiKeyHeader", "must name a header");
        foreach (var (key, value) in Durations(options)) if (value <= TimeSpan.Zero) Fail(key, $"must be a positive duration (hh:mm:ss), found {value}");
        if (options.Pipeline.Workers is < 1 or > 64) Fail("Pipeline:Workers", $"must be between 1 and 64, found {options.Pipeline.Workers}");
        if (options.Pipeline.BatchSize is < 1 or > 1000) Fail("Pipeline:BatchSize", $"must be between 1 and 1000, found {options.Pipeline.BatchSize}");
        if (options.Delivery.MaxAttempts < 1) Fail("Delivery:MaxAttempts", $"must be at least 1, found {options.Delivery.MaxAttempts}");
        if (options.Delivery.InlineRetries is < 0 or > 10) Fail("Delivery:InlineRetries", $"must be between 0 and 10, found {options.Delivery.InlineRetries}");
        if (options.Delivery.CircuitBreaker.FailureRatio is <= 0 or > 1) Fail("Delivery:CircuitBreaker:FailureRatio", "must be above 0 and at most 1");
        if (options.Delivery.CircuitBreaker.MinimumThroughput < 2) Fail("Delivery:CircuitBreaker:MinimumThroughput", "must be at least 2");
        if (options.Delivery.CircuitBreaker.SamplingDuration < TimeSpan.FromMilliseconds(500)) Fail("Delivery:CircuitBreaker:SamplingDuration", "must be at least 00:00:00.5");
        if (options.Delivery.CircuitBreaker.BreakDuration < TimeSpan.FromMilliseconds(500)) Fail("Delivery:CircuitBreaker:BreakDuration", "must be at least 00:00:00.5");
        for (var i = 0; i < options.Intake.Keys.Count; i++)
        {
            var k = options.Intake.Keys[i];
            if (string.IsNullOrWhiteSpace(k.Name)) Fail($"Intake:Keys:{i}:Name", "must name the key's holder");
            if (k.Key.Length < 16) Fail($"Intake:Keys:{i}:Key", "must be a secret of at least 16 characters");
            if (!Intake.AccessRoles.IsKnown(k.Role)) Fail($"Intake:Keys:{i}:Role", $"must be {Intake.AccessRoles.Operator} or {Intake.AccessRoles.Auditor}, found '{k.Role}'");
        }
        if (options.Retention.DeliveredPayloads is { } keep && keep <= TimeSpan.Zero) Fail("Retention:DeliveredPayloads", $"must be a positive duration, found {keep}");
        if (options.Telemetry.OtlpEndpoint is { Length: > 0 } otlp && !IsHttpUrl(otlp)) Fail("Telemetry:OtlpEndpoint", $"must be an absolute http(s) URL, found '{otlp}'");
        ValidatePartners(options.Partners, Fail);
        foreach (var (key, message) in Ledger.LedgerKeyRing.Problems(options.Ledger, options.DataFolder)) Fail(key, message);
        if (options.Logging.RecordKeys == Operations.RecordKeyLogging.Hashed && string.IsNullOrWhiteSpace(options.Ledger.Key) && string.IsNullOrWhiteSpace(options.Ledger.KeyFile))
            Fail("Logging:RecordKeys", "Hashed needs a ledger key (Ledger:Key or Ledger:KeyFile): the hash is keyed with it");
        if (options.Ledger.CheckpointInterval <= TimeSpan.Zero) Fail("Ledger:CheckpointInterval", $"must be a positive duration (hh:mm:ss), found {options.Ledger.CheckpointInterval}");
        if (options.Ledger.CheckpointUrl is { Length: > 0 } sink && !IsHttpUrl(sink)) Fail("Ledger:CheckpointUrl", $"must be an absolute http(s) URL, found '{sink}'");
        InboundOptionsValidator.ValidateGateway(options.Inbound, Fail);
        ServiceBus.ServiceBusOptionsRules.Validate(options.ServiceBus, Fail);
        foreach (var (p, i) in options.Partners.Select((p, i) => (p, i)))
            if (p.Timeout > TimeSpan.Zero && options.Delivery.Lease <= p.Timeout * (options.Delivery.InlineRetries + 1))
                Fail("Delivery:Lease", $"must be longer than a delivery can take: Partners:{i}:Timeout {p.Timeout} × {options.Delivery.InlineRetries + 1} attempts, so that no other worker takes a batch still being delivered");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidatePartners(List<PartnerOptions> partners, Action<string, string> fail)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < partners.Count; i++)
        {
            var p = partners[i];
            var at = $"Partners:{i}:";
            if (string.IsNullOrWhiteSpace(p.Id) || !p.Id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'))
                fail(at + "Id", $"must be a non-empty id of letters, digits, '-', '_' or '.', found '{p.Id}'");
            else if (!ids.Add(p.Id)) fail(at + "Id", $"'{p.Id}' is used by another partner");
            if (FhirGateway.Mapping.Partners.PartnerCoding.ParseIcd10(p.Icd10) is null)
                fail(at + "Icd10", $"must be who (WHO ICD-10) or cm (ICD-10-CM), found '{p.Icd10}'");
            if (p.PatientIdentifierSystem is { Length: > 0 } pis && !Uri.TryCreate(pis.Trim(), UriKind.Absolute, out _))
                fail(at + "PatientIdentifierSystem", $"must be the absolute URI of the partner's patient identifier system, found '{pis}'");
            if (PartnerDirectory.ParseOrganization(p.Organization) is null)
                fail(at + "Organization", $"must be the partner organisation's identifier as system|value, found '{p.Organization}'");
            if (!IsHttpUrl(p.BaseUrl)) fail(at + "BaseUrl", $"must be an absolute http(s) URL of the partner's FHIR endpoint, found '{p.BaseUrl}'");
            if (p.Timeout <= TimeSpan.Zero) fail(at + "Timeout", $"must be a positive duration (hh:mm:ss), found {p.Timeout}");
            if (p.BatchSize is < 1 or > 500) fail(at + "BatchSize", $"must be between 1 and 500, found {p.BatchSize}");
            if (p.MaxTransactionEntries is < 1) fail(at + "MaxTransactionEntries", $"must be at least 1 when set, found {p.MaxTransactionEntries}");
            if (p.Patients.Any(string.IsNullOrWhiteSpace)) fail(at + "Patients", "must list patient ids (or '*'), without empty entries");
            foreach (var kind in p.RecordKinds.Where(k => !RecordKinds.IsKnown(k)))
                fail(at + "RecordKinds", $"'{kind}' is not a record kind ({string.Join(", ", RecordKinds.All)})");
            ValidateAuth(p.Auth, at + "Auth:", fail);
            ValidateTransport(p, at, fail);
            InboundOptionsValidator.ValidatePartner(p.Inbound, at, fail);
        }
    }

    private static void ValidateAuth(PartnerAuthOptions auth, string at, Action<string, string> fail)
    {
        switch (auth.Mode)
        {
            case PartnerAuthMode.Bearer when string.IsNullOrWhiteSpace(auth.Token):
                fail(at + "Token", "must be given for Mode Bearer");
                break;
            case PartnerAuthMode.ClientCredentials:
                if (!IsHttpUrl(auth.TokenEndpoint)) fail(at + "TokenEndpoint", $"must be the absolute http(s) URL of the OAuth2 token endpoint, found '{auth.TokenEndpoint}'");
                if (string.IsNullOrWhiteSpace(auth.ClientId)) fail(at + "ClientId", "must be given for Mode ClientCredentials");
                if (string.IsNullOrWhiteSpace(auth.ClientSecret)) fail(at + "ClientSecret", "must be given for Mode ClientCredentials");
                break;
        }
    }

    private static void ValidateTransport(PartnerOptions p, string at, Action<string, string> fail)
    {
        if (!p.AllowInsecureHttp)
            foreach (var url in PartnerTransport.InsecureUrls(p))
                fail(url == p.BaseUrl ? at + "BaseUrl" : at + "Auth:TokenEndpoint",
                    $"'{url}' is plain http to a host other than loopback: use https, or set {at}AllowInsecureHttp=true to accept it knowingly");
        if (!string.IsNullOrWhiteSpace(p.ClientCertificate) && !string.IsNullOrWhiteSpace(p.ClientCertificateStore))
            fail(at + "ClientCertificate", "give either ClientCertificate (a file) or ClientCertificateStore, not both");
        else if (PartnerTransport.CertificateProblem(p) is { } problem)
            fail(string.IsNullOrWhiteSpace(p.ClientCertificate) ? at + "ClientCertificateStore" : at + "ClientCertificate", problem);
    }

    private static IEnumerable<(string, TimeSpan)> Durations(GatewayOptions o) =>
    [
        ("Intake:InboxPollInterval", o.Intake.InboxPollInterval), ("Intake:InboxSettleTime", o.Intake.InboxSettleTime),
        ("Pipeline:PollInterval", o.Pipeline.PollInterval), ("Pipeline:Lease", o.Pipeline.Lease),
        ("Delivery:PollInterval", o.Delivery.PollInterval), ("Delivery:Lease", o.Delivery.Lease),
        ("Delivery:BaseDelay", o.Delivery.BaseDelay), ("Delivery:MaxDelay", o.Delivery.MaxDelay),
        ("Delivery:InlineRetryDelay", o.Delivery.InlineRetryDelay), ("Delivery:MaxInlineRetryAfter", o.Delivery.MaxInlineRetryAfter),
    ];

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary><c>Partners:0:BaseUrl (FHIRGW_PARTNERS__0__BASEURL)</c>.</summary>
    public static string Setting(string key) =>
        $"{key} ({GatewayConfiguration.EnvironmentPrefix}{key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant()})";
}
