using System.Text.Json.Nodes;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// The people and organisations records name (<c>{"id": …, "name": …}</c>), written as logical references: the
/// clinic does not send Practitioner or Organization resources; partners resolve them by identifier.
/// </summary>
internal static class Parties
{
    /// <summary>Reads a <c>{"id", "name"}</c> object; null (with issues) when it is missing or incomplete.</summary>
    public static (string Id, string Name)? Read(RecordFields fields, string name, bool required)
    {
        var party = fields.Object(name, required);
        if (party is null) return null;
        var id = party.String("id", true);
        var display = party.String("name", true, isName: true);
        return id is null || display is null ? null : (id, display);
    }

    public static JsonObject Practitioner(string id, string name) =>
        FhirNodes.LogicalReference("Practitioner", new BusinessIdentifier(ClinicIg.Systems.Practitioner, id), name);

    public static JsonObject Organization(string id, string name) =>
        FhirNodes.LogicalReference("Organization", new BusinessIdentifier(ClinicIg.Systems.Organization, id), name);

    public static JsonObject Clinic() => Organization(ClinicIg.ClinicOrganizationId, ClinicIg.ClinicOrganizationName);
}
