using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping;

/// <summary>
/// Maps one internal clinic record (its JSON) to the profiled FHIR resources it stands for. Deterministic: the same
/// record always gives the same ids, identifiers and content. Thread-safe. A bad record never throws: the result
/// carries issues naming the record id and the field.
/// </summary>
public interface IRecordMapper
{
    /// <summary>The mapper's version, written into every Provenance and into the ledger.</summary>
    string MapperVersion { get; }

    RecordMapping Map(ReadOnlyMemory<byte> recordJson);

    /// <summary>
    /// The issues of a record (whose envelope has been read) against the contract of the records this mapper takes,
    /// checked by intake before the record is stored; none for a mapper that states no contract.
    /// </summary>
    IReadOnlyList<Issue> CheckContract(ReadOnlyMemory<byte> recordJson, RecordEnvelope envelope) => [];
}

/// <summary>
/// The outcome of mapping a record: its envelope when that could be read, the mapped record when mapping
/// succeeded, and every issue found (mapping errors make <see cref="Record"/> null).
/// </summary>
public sealed record RecordMapping(RecordEnvelope? Envelope, MappedRecord? Record, IReadOnlyList<Issue> Issues)
{
    public bool Success => Record is not null && !Issues.Any(i => i.IsError);
}

/// <summary>A record mapped to FHIR: its resources in dependency order (Patient first, Provenance last) and, for a consent record, the directive it states.</summary>
public sealed record MappedRecord(RecordEnvelope Envelope, IReadOnlyList<MappedResource> Resources)
{
    /// <summary>Set for consent records: whom the patient allows the clinic to share with, and whether that is in force.</summary>
    public ConsentDirective? Consent { get; init; }
}

/// <summary>
/// One mapped resource: compact FHIR JSON, the profile it claims (also in <c>meta.profile</c>) and the business
/// identifier that makes delivery idempotent (conditional create or update on it).
/// </summary>
public sealed record MappedResource(string ResourceType, string Id, string Profile, BusinessIdentifier Identifier, ReadOnlyMemory<byte> Json);

/// <summary>An identifier system and value, as searched with <c>identifier=system|value</c>.</summary>
public readonly record struct BusinessIdentifier(string System, string Value)
{
    public string SearchToken => $"{System}|{Value}";

    public override string ToString() => SearchToken;
}

/// <summary>A patient's consent to share with one partner organisation (named by its identifier), and whether it is in force.</summary>
public sealed record ConsentDirective(BusinessIdentifier PartnerOrganization, bool Active, DateTimeOffset? Start = null, DateTimeOffset? End = null)
{
    /// <summary>True when the consent is active and <paramref name="at"/> lies within its period.</summary>
    public bool IsInForce(DateTimeOffset at) => Active && (Start is null || Start <= at) && (End is null || at <= End);
}
