using System.Text.Json.Nodes;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Mapping.Partners;

/// <summary>The ICD-10 edition a partner's EHR reads: WHO ICD-10 (G12.2, G35) or ICD-10-CM (G12.21, G35.A/B0/C0/D).</summary>
public enum Icd10Edition
{
    Who,
    Cm,
}

/// <summary>How one partner reads what the clinic sends: its ICD-10 edition and the system of its own patient identifier (MRN).</summary>
public sealed record PartnerCoding(Icd10Edition Icd10, string? PatientIdentifierSystem)
{
    public static PartnerCoding Default { get; } = new(Icd10Edition.Who, null);

    /// <summary>Reads the setting <c>who</c> or <c>cm</c> (any case); null for anything else.</summary>
    public static Icd10Edition? ParseIcd10(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "who" => Icd10Edition.Who,
        "cm" => Icd10Edition.Cm,
        _ => null,
    };
}

/// <summary>
/// A mapped record as one partner receives it: the Patient carries the clinic MRN and only this partner's own
/// identifier (never another hospital's MRN), and is matched by the partner's identifier when the record has it
/// (else by the clinic MRN), so neither of two partners gets a duplicate Patient; diagnoses carry the ICD-10 edition
/// the partner reads. Everything else is sent as mapped. Deterministic, thread-safe.
/// </summary>
public static class PartnerView
{
    private static readonly Dictionary<Icd10Edition, string> Unread = new()
    {
        [Icd10Edition.Who] = ClinicIg.Standard.Icd10Cm,
        [Icd10Edition.Cm] = ClinicIg.Standard.Icd10,
    };

    public static MappedRecord For(MappedRecord record, PartnerCoding coding)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(coding);
        var resources = record.Resources.Select(r => r.ResourceType switch
        {
            "Patient" => Patient(r, coding.PatientIdentifierSystem),
            "Condition" => Condition(r, Unread[coding.Icd10]),
            _ => r,
        }).ToList();
        return record with { Resources = resources };
    }

    private static MappedResource Patient(MappedResource patient, string? partnerSystem)
    {
        var json = JsonNode.Parse(patient.Json.Span)!.AsObject();
        if (json["identifier"] is not JsonArray identifiers) return patient;
        BusinessIdentifier? own = null;
        foreach (var identifier in identifiers.OfType<JsonObject>().ToList())
        {
            var system = identifier["system"]?.GetValue<string>();
            if (system == patient.Identifier.System) continue; // the identifier the Patient was mapped under (the clinic MRN)
            if (partnerSystem is not null && system == partnerSystem && identifier["value"]?.GetValue<string>() is { } value) own = new BusinessIdentifier(system, value);
            else identifiers.Remove(identifier);
        }
        return patient with { Identifier = own ?? patient.Identifier, Json = FhirNodes.ToUtf8(json) };
    }

    private static MappedResource Condition(MappedResource condition, string unreadSystem)
    {
        var json = JsonNode.Parse(condition.Json.Span)!.AsObject();
        if (json["code"]?["coding"] is not JsonArray codings) return condition;
        foreach (var c in codings.OfType<JsonObject>().Where(c => c["system"]?.GetValue<string>() == unreadSystem).ToList()) codings.Remove(c);
        return condition with { Json = FhirNodes.ToUtf8(json) };
    }
}
