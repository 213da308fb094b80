using System.Text.Json.Nodes;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// Maps the record's <c>patient</c> block (id = the clinic MRN, name, gender, birth date, the partner hospital's
/// MRN) to the clinic-patient profile. Every record carries it, so every mapped record starts with its Patient.
/// </summary>
internal static class PatientMapper
{
    private static readonly string[] Genders = ["female", "male", "other", "unknown"];

    public static ResourceDraft? Map(MappingContext context)
    {
        var patient = context.Record.Object("patient", true);
        if (patient is null) return null;
        var name = patient.Object("name", true);
        var family = name?.String("family", true, isName: true);
        var given = name?.Strings("given", true, isName: true) ?? [];
        var gender = patient.Code("gender", true, Genders);
        var birthDate = patient.Date("birthDate", true);
        var partnerMrn = patient.String("partnerMrn", false);
        if (family is null || given.Count == 0 || gender is null || birthDate is null) return null;

        context.PatientName = $"{string.Join(' ', given)} {family}";
        var draft = new ResourceDraft(context.Patient, "clinic-patient");
        draft.Narrate(new Narrative()
            .Title(context.PatientName)
            .Row("Clinic MRN", context.Envelope.PatientId)
            .Row($"{Parties.PartnerOrganizationName} MRN", partnerMrn)
            .Row("Gender", gender)
            .Row("Born", birthDate));
        var mr = FhirNodes.Concept(ClinicIg.Standard.V2IdentifierType, "MR");
        var identifiers = new JsonArray { FhirNodes.Identifier(context.Patient.Identifier, mr) };
        if (partnerMrn is not null)
        {
            var partner = FhirNodes.Identifier(new BusinessIdentifier(ClinicIg.Systems.PartnerMrn, partnerMrn), mr.DeepClone().AsObject());
            partner["assigner"] = Parties.Organization(Parties.PartnerOrganizationId, Parties.PartnerOrganizationName);
            identifiers.Add(partner);
        }
        draft["identifier"] = identifiers;
        draft["name"] = FhirNodes.Array(new JsonObject
        {
            ["use"] = "official",
            ["family"] = family,
            ["given"] = FhirNodes.Array(given.Select(g => (JsonNode)JsonValue.Create(g))),
        });
        draft["gender"] = gender;
        draft["birthDate"] = birthDate;
        return draft;
    }
}
