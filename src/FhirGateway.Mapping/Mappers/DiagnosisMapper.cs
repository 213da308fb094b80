using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Partners;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// The assessment's <c>diagnosis</c> (ALS or MS, with the MS course) as a clinic-diagnosis Condition: SNOMED CT, WHO
/// ICD-10 and ICD-10-CM (FY2026: G12.21, and G35 split by course; each partner gets the edition its setting
/// <c>Partners:N:Icd10</c> names, see <see cref="PartnerView"/>), the course as the stage. One Condition per patient and disease (identifier <c>{patient}.{als|ms}</c>),
/// updated when a later assessment restates it.
/// </summary>
internal static class DiagnosisMapper
{
    private sealed record Disease(string Snomed, string Icd10, string Icd10Cm, string Name);

    /// <summary>Sources of every code: profiles/code-notes.md.</summary>
    private static readonly Dictionary<string, Disease> Diseases = new(StringComparer.Ordinal)
    {
        ["als"] = new("86044005", "G12.2", "G12.21", "Amyotrophic lateral sclerosis"),
        ["ms"] = new("24700007", "G35", "G35.D", "Multiple sclerosis"),
    };

    /// <summary>The MS course: SNOMED CT, and ICD-10-CM FY2026 (progressive forms with activity unspecified: the record does not state it).</summary>
    private static readonly Dictionary<string, (string Snomed, string Icd10Cm, string Name)> Courses = new(StringComparer.Ordinal)
    {
        ["rrms"] = ("426373005", "G35.A", "Relapsing-remitting"),
        ["spms"] = ("425500002", "G35.C0", "Secondary progressive"),
        ["ppms"] = ("428700003", "G35.B0", "Primary progressive"),
    };

    public static ResourceKey KeyFor(string patientId, string condition) =>
        new("Condition", new BusinessIdentifier(ClinicIg.Systems.Diagnosis, $"{patientId}.{condition}"));

    public static IReadOnlyList<string> Conditions => [.. Diseases.Keys];

    public static void Map(MappingContext context)
    {
        var diagnosis = context.Record.Object("diagnosis", false);
        if (diagnosis is null) return;
        var condition = diagnosis.Code("condition", true, [.. Diseases.Keys]);
        var onset = diagnosis.Date("onset", false, partial: true);
        var diagnosedOn = diagnosis.Date("diagnosedOn", true);
        string? course = null;
        if (condition == "ms") course = diagnosis.Code("msCourse", true, [.. Courses.Keys]);
        else if (condition == "als" && diagnosis.Has("msCourse"))
            diagnosis.Report(IssueCatalogue.RecordInconsistent, "msCourse", diagnosis.PathOf("msCourse"), "is set, but only a multiple sclerosis diagnosis has a course");
        if (condition is null || diagnosedOn is null || (condition == "ms" && course is null)) return;

        var disease = Diseases[condition];
        var icd10Cm = course is null ? disease.Icd10Cm : Courses[course].Icd10Cm;
        var draft = context.Add(new ResourceDraft(KeyFor(context.Envelope.PatientId, condition), "clinic-diagnosis"));
        var narrative = new Narrative().Title(disease.Name)
            .Row("Course", course is null ? null : Courses[course].Name)
            .Row("Onset", onset)
            .Row("Diagnosed", diagnosedOn)
            .Row("Codes", $"SNOMED CT {disease.Snomed}, ICD-10 {disease.Icd10}, ICD-10-CM {icd10Cm}");
        draft.Narrate(narrative);
        draft["identifier"] = FhirNodes.Array(FhirNodes.Identifier(draft.Key.Identifier));
        draft["clinicalStatus"] = FhirNodes.Concept(ClinicIg.Standard.ConditionClinical, "active");
        draft["verificationStatus"] = FhirNodes.Concept(ClinicIg.Standard.ConditionVerification, "confirmed");
        draft["code"] = FhirNodes.Concept([FhirNodes.Coding(ClinicIg.Standard.Snomed, disease.Snomed), FhirNodes.Coding(ClinicIg.Standard.Icd10, disease.Icd10),
            FhirNodes.Coding(ClinicIg.Standard.Icd10Cm, icd10Cm)], disease.Name);
        draft["subject"] = context.PatientReference();
        if (onset is not null) draft["onsetDateTime"] = onset;
        draft["recordedDate"] = diagnosedOn;
        if (course is not null)
            draft["stage"] = FhirNodes.Array(new JsonObject
            {
                ["summary"] = FhirNodes.Concept(ClinicIg.Standard.Snomed, Courses[course].Snomed, null, $"{Courses[course].Name} multiple sclerosis"),
                ["type"] = Tables.ClinicConcepts.Concept("ms-disease-course"),
            });
    }
}
