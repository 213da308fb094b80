using System.Text.Json.Nodes;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// The Provenance of a mapped record (clinic-provenance): its targets are the record's resources (not the Patient),
/// the source entity names the record id, version and kind, the clinic is the author, the recorder the enterer and
/// the record mapper, with its version, the assembler. meta.tag carries the record key <c>recordId@version</c>.
/// </summary>
internal static class ProvenanceMapper
{
    public const string SoftwareId = "fhirgateway-record-mapper";
    public const string SoftwareName = "FhirGateway record mapper";

    public static ResourceDraft Map(MappingContext context, string mapperVersion)
    {
        var envelope = context.Envelope;
        var key = new ResourceKey("Provenance", new BusinessIdentifier(ClinicIg.Systems.RecordKey, envelope.Key));
        var draft = new ResourceDraft(key, "clinic-provenance");
        draft.Meta["tag"] = FhirNodes.Array(new JsonObject
        {
            ["system"] = ClinicIg.Systems.RecordKey,
            ["code"] = envelope.Key,
            ["display"] = $"{envelope.Kind} record {envelope.Key}",
        });
        draft.Narrate(new Narrative()
            .Title($"Provenance of {envelope.Kind} record {envelope.RecordId} (version {envelope.Version})")
            .Row("Recorded", context.RecordedAt.Text)
            .Row("Recorded by", context.RecordedByName)
            .Row("Author", ClinicIg.ClinicOrganizationName)
            .Row("Mapped by", $"{SoftwareName} {mapperVersion}")
            .Row("Resources", string.Join(", ", context.Resources.Select(r => r.Key.Type))));
        draft["target"] = FhirNodes.Array(context.Resources.Select(r => (JsonNode)FhirNodes.Reference(r.Key)));
        draft["occurredDateTime"] = context.RecordedAt.Text;
        draft["recorded"] = context.RecordedAt.Text;
        var update = envelope.Version > 1;
        draft["activity"] = FhirNodes.Concept(ClinicIg.Standard.DataOperation, update ? "UPDATE" : "CREATE");
        var agents = new JsonArray
        {
            Agent("author", Parties.Clinic()),
        };
        if (context.RecordedBy is not null) agents.Add(Agent("enterer", context.RecordedBy.DeepClone().AsObject()));
        var assembler = Agent("assembler", FhirNodes.LogicalReference("Device", new BusinessIdentifier(ClinicIg.Systems.Software, SoftwareId), SoftwareName));
        assembler.Insert(0, "extension", FhirNodes.Array(FhirNodes.Extension(ClinicIg.Extension("mapper-version"), "valueString", mapperVersion)));
        agents.Add(assembler);
        draft["agent"] = agents;
        draft["entity"] = FhirNodes.Array(new JsonObject
        {
            ["extension"] = FhirNodes.Array(
                FhirNodes.Extension(ClinicIg.Extension("source-record-version"), "valuePositiveInt", envelope.Version),
                FhirNodes.Extension(ClinicIg.Extension("source-record-kind"), "valueCode", envelope.Kind)),
            ["role"] = "source",
            ["what"] = new JsonObject
            {
                ["identifier"] = FhirNodes.Identifier(new BusinessIdentifier(ClinicIg.Systems.Record, envelope.RecordId)),
                ["display"] = $"{envelope.Kind} record {envelope.RecordId}, version {envelope.Version}",
            },
        });
        return draft;
    }

    private static JsonObject Agent(string type, JsonObject who) => new()
    {
        ["type"] = FhirNodes.Concept(ClinicIg.Standard.ProvenanceParticipant, type),
        ["who"] = who,
    };
}
