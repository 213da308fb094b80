using FhirGateway.Mapping;
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
        Id = options.Id;
        Name = options.Name ?? options.Id;
        Organization = PartnerDirectory.ParseOrganization(options.Organization)
            ?? throw new ArgumentException($"Partner {options.Id}: Organization must be system|value.", nameof(options));
        BaseUri = new Uri(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/", UriKind.Absolute);
        Auth = options.Auth;
        Timeout = options.Timeout;
        BatchSize = options.BatchSize;
        Inbound = options.Inbound;
        _patients = new HashSet<string>(options.Patients, StringComparer.Ordinal);
        _kinds = new HashSet<string>(options.RecordKinds, StringComparer.Ordinal);
    }

    public string Id { get; }
    public string Name { get; }
    public BusinessIdentifier Organization { get; }
    /// <summary>The FHIR base, ending with <c>/</c>.</summary>
    public Uri BaseUri { get; }
    public PartnerAuthOptions Auth { get; }
    public TimeSpan Timeout { get; }
    public int BatchSize { get; }
    /// <summary>Whether and how the gateway follows what the partner's team records.</summary>
    public PartnerInboundOptions Inbound { get; }

    /// <summary>The named HttpClient (and resilience pipeline) of this partner.</summary>
    public string HttpClientName => "partner:" + Id;

    /// <summary>True when the partner follows this patient and receives this kind of record.</summary>
    public bool Follows(RecordEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return (_patients.Count == 0 || _patients.Contains("*") || _patients.Contains(envelope.PatientId)) && (_kinds.Count == 0 || _kinds.Contains(envelope.Kind));
    }
}
