using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// What a kind mapper works with for one record: the envelope, the record's fields, the issues, the patient and
/// recorder it points at, and the resources it has added. Not thread-safe; one per mapping.
/// </summary>
internal sealed class MappingContext(RecordEnvelope envelope, RecordFields record, List<Issue> issues)
{
    private readonly List<ResourceDraft> _resources = [];

    public RecordEnvelope Envelope { get; } = envelope;

    public RecordFields Record { get; } = record;

    public List<Issue> Issues { get; } = issues;

    public ResourceKey Patient { get; } = new("Patient", new BusinessIdentifier(ClinicIg.Systems.Mrn, envelope.PatientId));

    /// <summary>The patient's name for narratives, set once the Patient is mapped.</summary>
    public string PatientName { get; set; } = envelope.PatientId;

    /// <summary>The record's <c>recordedAt</c> exactly as written.</summary>
    public RecordDateTime RecordedAt { get; set; }

    /// <summary>The clinician who recorded the record (<c>recordedBy</c>), as a logical Practitioner reference.</summary>
    public JsonObject? RecordedBy { get; set; }

    public string RecordedByName { get; set; } = "";

    public ConsentDirective? Consent { get; set; }

    public IReadOnlyList<ResourceDraft> Resources => _resources;

    public bool HasErrors => Issues.Exists(i => i.IsError);

    /// <summary>final for a first version, amended for a correction.</summary>
    public string ResultStatus => Envelope.Version == 1 ? "final" : "amended";

    /// <summary>A business identifier derived from the record id: <c>{recordId}.{part}</c>.</summary>
    public BusinessIdentifier FromRecord(string system, string part) => new(system, $"{Envelope.RecordId}.{part}");

    public ResourceDraft Add(ResourceDraft draft)
    {
        _resources.Add(draft);
        return draft;
    }

    public JsonObject PatientReference() => FhirNodes.Reference(Patient, PatientName);

    public JsonArray RecordedByArray() => RecordedBy is null ? [] : FhirNodes.Array(RecordedBy.DeepClone());
}
