using System.Text.Json;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Honesty;
using FhirGateway.Mapping.Mappers;
using FhirGateway.Mapping.Records;
using FhirGateway.Mapping.Records.Contract;

namespace FhirGateway.Mapping;

/// <summary>
/// The clinic's record mapper: reads the envelope, maps the Patient, dispatches by <c>kind</c> to the kind's mapper
/// and closes with the record's Provenance. Deterministic and thread-safe (no state, no clock, no randomness). A bad
/// record gives issues (origin = the record key, expression = the field, line and column in the record's JSON), never
/// an exception; an unexpected failure becomes a <c>record-mapping-failed</c> issue that keeps the record.
/// </summary>
public sealed class RecordMapper : IRecordMapper
{
    /// <summary>The mapping's version: raise it whenever the output for the same record changes.</summary>
    public const string Version = "1.0.0";

    private static readonly IReadOnlyDictionary<string, IKindMapper> Mappers = new IKindMapper[]
    {
        new AssessmentMapper(), new BiomarkerPanelMapper(), new ProductReleaseMapper(),
        new InfusionMapper(), new CarePlanUpdateMapper(), new ConsentMapper(), new AdverseEventMapper(),
    }.ToDictionary(m => m.Kind, StringComparer.Ordinal);

    public string MapperVersion => Version;

    /// <summary>The record schemas of <see cref="RecordContract"/>: the same check <see cref="Map"/> starts with.</summary>
    public IReadOnlyList<Issue> CheckContract(ReadOnlyMemory<byte> recordJson, RecordEnvelope envelope) => RecordContract.Check(recordJson, envelope);

    public RecordMapping Map(ReadOnlyMemory<byte> recordJson)
    {
        var issues = new List<Issue>();
        var document = RecordJson.Open(recordJson, issues);
        if (document is null) return new RecordMapping(null, null, RecordPositions.Locate(recordJson, IssueLimit.Apply(issues), null));
        using (document)
        {
            var envelope = RecordEnvelopeReader.Read(document.RootElement, issues);
            if (envelope is null) return new RecordMapping(null, null, RecordPositions.Locate(recordJson, IssueLimit.Apply(issues), null));
            MappedRecord? record = null;
            try
            {
                record = MapRecord(envelope, document.RootElement, issues);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                issues.Add(IssueCatalogue.RecordMappingFailed.At(null, $"{e.GetType().Name}: {e.Message}"));
                record = null;
            }
            return new RecordMapping(envelope, record, RecordPositions.Locate(recordJson, IssueLimit.Apply(issues), envelope.Key));
        }
    }

    private MappedRecord? MapRecord(RecordEnvelope envelope, JsonElement root, List<Issue> issues)
    {
        var contract = new List<Issue>();
        RecordContract.Check(root, envelope.Kind, contract);
        var record = MapFields(envelope, root, issues);
        // The contract's issue for a field the mapper already refused (with its more specific reason) is left out.
        var refused = issues.Where(i => i.IsError).Select(i => i.Expression).ToHashSet(StringComparer.Ordinal);
        issues.AddRange(contract.Where(i => !refused.Contains(i.Expression)));
        return contract.Count > 0 ? null : record;
    }

    private MappedRecord? MapFields(RecordEnvelope envelope, JsonElement root, List<Issue> issues)
    {
        var fields = new RecordFields(root, "", issues);
        var context = new MappingContext(envelope, fields, issues);
        context.RecordedAt = fields.DateTime("recordedAt", true) ?? default;
        if (Parties.Read(fields, "recordedBy", true) is { } by)
        {
            context.RecordedBy = Parties.Practitioner(by.Id, by.Name);
            context.RecordedByName = by.Name;
        }
        var patient = PatientMapper.Map(context);
        Mappers[envelope.Kind].Map(context);
        if (!issues.Exists(i => i.Code == IssueCatalogue.RecordForbiddenClaim.Id))
            foreach (var draft in context.Resources) EmittedTexts.Check(draft.Json, issues);
        if (context.HasErrors || patient is null) return null;
        if (context.Resources.Count == 0)
        {
            issues.Add(IssueCatalogue.RecordNothingToMap.At(null, "the fields of a " + envelope.Kind + " record"));
            return null;
        }
        var provenance = ProvenanceMapper.Map(context, Version);
        var resources = new List<MappedResource>(context.Resources.Count + 2) { patient.ToMapped() };
        resources.AddRange(context.Resources.Select(r => r.ToMapped()));
        resources.Add(provenance.ToMapped());
        return new MappedRecord(envelope, resources) { Consent = context.Consent };
    }
}
