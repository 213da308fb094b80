using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Runtime.Tests.Support;

/// <summary>
/// A stand-in mapper for runtime tests: a Patient (carrying the record's name and birth date, which must never reach
/// the logs) and one Observation per record (a Consent for consent records, with its directive). Records listed in
/// <see cref="Unmappable"/> fail mapping; a record with <c>"invalid": true</c> maps to a resource the R4 reader refuses.
/// </summary>
public sealed class FakeRecordMapper : IRecordMapper
{
    public const string PatientSystem = "urn:test:patient";
    public const string RecordSystem = "urn:test:record";

    public ConcurrentDictionary<string, bool> Unmappable { get; } = new(StringComparer.Ordinal);

    public string MapperVersion => "fake-1";

    public RecordMapping Map(ReadOnlyMemory<byte> recordJson)
    {
        var issues = new List<Issue>();
        var envelope = RecordEnvelopeReader.Read(recordJson, issues);
        if (envelope is null) return new RecordMapping(null, null, issues);
        if (Unmappable.ContainsKey(envelope.RecordId))
            return new RecordMapping(envelope, null, [IssueCatalogue.RecordWrongField.At("values", "values", "a list of results", "nothing")]);
        using var doc = JsonDocument.Parse(recordJson);
        var root = doc.RootElement;
        var patient = root.GetProperty("patient");
        var name = patient.TryGetProperty("name", out var n) ? n.GetString() : null;
        var birthDate = patient.TryGetProperty("birthDate", out var b) ? b.GetString() : null;
        var patientId = "pat-" + envelope.PatientId;
        var resources = new List<MappedResource>
        {
            new("Patient", patientId, "http://example.org/StructureDefinition/clinic-patient", new BusinessIdentifier(PatientSystem, envelope.PatientId), Json($$$"""
                {"resourceType":"Patient","id":"{{{patientId}}}","identifier":[{"system":"{{{PatientSystem}}}","value":"{{{envelope.PatientId}}}"}],"name":[{"text":"{{{name}}}"}],"birthDate":"{{{birthDate}}}"}
                """)),
        };
        ConsentDirective? consent = null;
        if (envelope.Kind == RecordKinds.Consent)
        {
            var org = PartnerOrg(root.GetProperty("partnerOrg").GetString()!);
            consent = new ConsentDirective(org, root.GetProperty("active").GetBoolean(),
                root.TryGetProperty("start", out var start) ? start.GetDateTimeOffset() : null,
                root.TryGetProperty("end", out var end) ? end.GetDateTimeOffset() : null);
            resources.Add(new MappedResource("Consent", "consent-" + envelope.RecordId, "http://example.org/StructureDefinition/clinic-consent",
                new BusinessIdentifier(RecordSystem, envelope.RecordId), Json($$$"""
                {"resourceType":"Consent","id":"consent-{{{envelope.RecordId}}}","identifier":[{"system":"{{{RecordSystem}}}","value":"{{{envelope.RecordId}}}"}],"status":"{{{(consent.Active ? "active" : "inactive")}}}","scope":{"text":"share"},"category":[{"text":"share"}],"patient":{"reference":"Patient/{{{patientId}}}"}}
                """)));
        }
        else
        {
            var extra = root.TryGetProperty("invalid", out var invalid) && invalid.GetBoolean() ? ",\"colour\":\"blue\"" : "";
            resources.Add(new MappedResource("Observation", "obs-" + envelope.RecordId, "http://example.org/StructureDefinition/clinic-observation",
                new BusinessIdentifier(RecordSystem, envelope.RecordId), Json($$$"""
                {"resourceType":"Observation","id":"obs-{{{envelope.RecordId}}}","identifier":[{"system":"{{{RecordSystem}}}","value":"{{{envelope.RecordId}}}"}],"status":"final","code":{"text":"{{{envelope.Kind}}} v{{{envelope.Version}}}"},"subject":{"reference":"Patient/{{{patientId}}}"}{{{extra}}}}
                """)));
        }
        return new RecordMapping(envelope, new MappedRecord(envelope, resources) { Consent = consent }, []);
    }

    private static BusinessIdentifier PartnerOrg(string token)
    {
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        return new BusinessIdentifier(token[..bar], token[(bar + 1)..]);
    }

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text.Trim());
}
