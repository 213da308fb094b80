using System.Text.Json.Nodes;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Partners;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// Maps the record's <c>patient</c> block (id = the clinic MRN, name, gender, birth date, the partner hospitals'
/// identifiers <c>partnerIdentifiers[]</c>, each with its own system) to the clinic-patient profile. Every record
/// carries it, so every mapped record starts with its Patient; each partner receives only its own identifier beside
/// the clinic MRN (<see cref="PartnerView"/>).
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
        var partnerIds = patient.Objects("partnerIdentifiers", false).Select(PartnerIdentifier).ToList();
        if (family is null || given.Count == 0 || gender is null || birthDate is null) return null;

        context.PatientName = $"{string.Join(' ', given)} {family}";
        var draft = new ResourceDraft(context.Patient, "clinic-patient");
        draft.Narrate(new Narrative()
            .Title(context.PatientName)
            .Row("Clinic MRN", context.Envelope.PatientId)
            .Row("Gender", gender)
            .Row("Born", birthDate));
        var mr = FhirNodes.Concept(ClinicIg.Standard.V2IdentifierType, "MR");
        var identifiers = new JsonArray { FhirNodes.Identifier(context.Patient.Identifier, mr) };
        var systems = new HashSet<string>(StringComparer.Ordinal) { ClinicIg.Systems.Mrn };
        for (var i = 0; i < partnerIds.Count; i++)
        {
            if (partnerIds[i] is not { } p) continue;
            if (!systems.Add(p.Id.System))
            {
                patient.Report(FhirGateway.Fhir.Issues.IssueCatalogue.RecordDuplicateEntry, "partnerIdentifiers", patient.PathOf("partnerIdentifiers"), p.Id.System);
                continue;
            }
            var partner = FhirNodes.Identifier(p.Id, mr.DeepClone().AsObject());
            if (p.Assigner is { } a) partner["assigner"] = Parties.Organization(a.Id, a.Name);
            identifiers.Add(partner);
        }
        if (partnerIds.Contains(null)) return null;
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

    /// <summary>One <c>{system, value, assigner}</c> of <c>partnerIdentifiers</c>; null (with issues) when incomplete.</summary>
    private static (BusinessIdentifier Id, (string Id, string Name)? Assigner)? PartnerIdentifier(Records.RecordFields f)
    {
        var system = f.String("system", true);
        var value = f.String("value", true);
        var assigner = Parties.Read(f, "assigner", false);
        return system is null || value is null ? null : (new BusinessIdentifier(system, value), assigner);
    }
}
