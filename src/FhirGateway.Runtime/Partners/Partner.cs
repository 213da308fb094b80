using FhirGateway.Mapping;
using FhirGateway.Mapping.Partners;
using FhirGateway.Mapping.Records;
using FhirGateway.Runtime.Hosting;

namespace FhirGateway.Runtime.Partners;

/// <summary>A partner hospital's EHR as the gateway uses it: compiled once from its validated options, immutable.</summary>
public sealed class Partner
{
    private readonly HashSet<string> _patients;
    private readonly HashSet<string> _kinds;

    public Partner(PartnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Id = options.Id;
        Name = options.Name ?? options.Id;
        Organization = PartnerDirectory.ParseOrganization(options.Organization)
            ?? throw new ArgumentException($"Partner {options.Id}: Organization must be system|value.", nameof(options));
        BaseUri = new Uri(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/", UriKind.Absolute);
        Auth = options.Auth;
        Timeout = options.Timeout;
        BatchSize = options.BatchSize;
        Coding = new PartnerCoding(PartnerCoding.ParseIcd10(options.Icd10) ?? throw new ArgumentException($"Partner {options.Id}: Icd10 must be who or cm.", nameof(options)),
            string.IsNullOrWhiteSpace(options.PatientIdentifierSystem) ? null : options.PatientIdentifierSystem.Trim());
        Inbound = options.Inbound;
        MaxTransactionEntries = options.MaxTransactionEntries;
        ConditionalReferences = options.ConditionalReferences;
        _patients = new HashSet<string>(options.Patients, StringComparer.Ordinal);
        _kinds = new HashSet<string>(options.RecordKinds, StringComparer.Ordinal);
    }

    /// <summary>The settings it was compiled from.</summary>
    public PartnerOptions Options { get; }
    public string Id { get; }
    public string Name { get; }
    public BusinessIdentifier Organization { get; }
    /// <summary>The FHIR base, ending with <c>/</c>.</summary>
    public Uri BaseUri { get; }
    public PartnerAuthOptions Auth { get; }
    public TimeSpan Timeout { get; }
    public int BatchSize { get; }
    /// <summary>How this partner reads what is sent: its ICD-10 edition and its patient identifier system.</summary>
    public PartnerCoding Coding { get; }
    /// <summary>Whether and how the gateway follows what the partner's team records.</summary>
    public PartnerInboundOptions Inbound { get; }
    /// <summary>The configured limit of entries per transaction, if any.</summary>
    public int? MaxTransactionEntries { get; }
    /// <summary>Configured: the partner resolves conditional references inside a transaction.</summary>
    public bool ConditionalReferences { get; }

    /// <summary>The named HttpClient (and resilience pipeline) of this partner.</summary>
    public string HttpClientName => "partner:" + Id;

    /// <summary>True when the partner follows this patient and receives this kind of record.</summary>
    public bool Follows(RecordEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return (_patients.Count == 0 || _patients.Contains("*") || _patients.Contains(envelope.PatientId)) && (_kinds.Count == 0 || _kinds.Contains(envelope.Kind));
    }
}
