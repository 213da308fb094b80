using System.Text.Json.Nodes;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// The people and organisations records name (<c>{"id": …, "name": …}</c>), written as logical references: the
/// clinic does not send Practitioner or Organization resources of their own; partners resolve them by identifier.
/// Where a resource needs its member to resolve (a care team's participants, ctm-1), the person goes in as a contained
/// Practitioner that carries the same identifier and name.
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

    /// <summary>A practitioner as a contained resource: local id <paramref name="localId"/>, the clinic's identifier, the name as text.</summary>
    public static JsonObject ContainedPractitioner(string localId, string id, string name) => new()
    {
        ["resourceType"] = "Practitioner",
        ["id"] = localId,
        ["identifier"] = FhirNodes.Array(FhirNodes.Identifier(new BusinessIdentifier(ClinicIg.Systems.Practitioner, id))),
        ["name"] = FhirNodes.Array(new JsonObject { ["text"] = name }),
    };

    /// <summary>A reference to a contained practitioner (<paramref name="local"/>, <c>#id</c>) that keeps the identifier, so a partner can still match the person.</summary>
    public static JsonObject Practitioner(string local, string id, string name)
    {
        var reference = Practitioner(id, name);
        reference.Insert(0, "reference", local);
        return reference;
    }

    public static JsonObject Organization(string id, string name) =>
        FhirNodes.LogicalReference("Organization", new BusinessIdentifier(ClinicIg.Systems.Organization, id), name);

    public static JsonObject Clinic() => Organization(ClinicIg.ClinicOrganizationId, ClinicIg.ClinicOrganizationName);
}
