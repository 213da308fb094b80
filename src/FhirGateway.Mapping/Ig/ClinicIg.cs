namespace FhirGateway.Mapping.Ig;

/// <summary>
/// The clinic's implementation guide as the mappers use it: its canonical base, the identifier systems, the
/// code systems and the profiles (the JSON lives in <c>profiles/</c>; <see cref="ClinicIgDefinitions"/> embeds it).
/// </summary>
public static class ClinicIg
{
    public const string Base = "https://fhir.helixneuro.clinic";
    public const string PackageName = "clinic.helixneuro.msc";

    public const string Concepts = Base + "/CodeSystem/clinic-concepts";
    public const string Milestones = Base + "/CodeSystem/programme-milestone";

    /// <summary>The clinic's organisation, as the author of everything it sends.</summary>
    public const string ClinicOrganizationId = "helix-neuro";
    public const string ClinicOrganizationName = "Helix Regenerative Neurology";

    public static string Profile(string id) => $"{Base}/StructureDefinition/{id}";

    public static string Extension(string id) => $"{Base}/StructureDefinition/{id}";

    /// <summary>Identifier systems (namespaces) the clinic owns.</summary>
    public static class Systems
    {
        public const string Mrn = Base + "/sid/mrn";
        public const string Organization = Base + "/sid/organization";
        public const string Practitioner = Base + "/sid/practitioner";
        public const string Result = Base + "/sid/result";
        public const string Report = Base + "/sid/report";
        public const string Diagnosis = Base + "/sid/diagnosis";
        public const string ProductLot = Base + "/sid/product-lot";
        public const string Infusion = Base + "/sid/infusion";
        public const string AdverseEvent = Base + "/sid/adverse-event";
        public const string SafetyReview = Base + "/sid/safety-review";
        public const string CarePlan = Base + "/sid/care-plan";
        public const string CareTeam = Base + "/sid/care-team";
        public const string Goal = Base + "/sid/goal";
        public const string Consent = Base + "/sid/consent";
        public const string Record = Base + "/sid/record";
        /// <summary>The meta.tag system of a Provenance's record key (<c>recordId@version</c>).</summary>
        public const string RecordKey = Base + "/sid/record-key";
        public const string Software = Base + "/sid/software";
        /// <summary>The meta.tag system of the record a delivered resource was last written from (<see cref="Bundles.RecordStamp"/>).</summary>
        public const string RecordStamp = Base + "/sid/record-stamp";
    }

    /// <summary>Standard code systems.</summary>
    public static class Standard
    {
        public const string Loinc = "http://loinc.org";
        public const string Snomed = "http://snomed.info/sct";
        public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
        public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
        public const string Ucum = "http://unitsofmeasure.org";
        public const string ObservationInterpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
        public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
        public const string V2IdentifierType = "http://terminology.hl7.org/CodeSystem/v2-0203";
        public const string V2DiagnosticService = "http://terminology.hl7.org/CodeSystem/v2-0074";
        public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
        public const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
        public const string ProvenanceParticipant = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
        public const string DataOperation = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
        public const string ConsentScope = "http://terminology.hl7.org/CodeSystem/consentscope";
        public const string ConsentAction = "http://terminology.hl7.org/CodeSystem/consentaction";
        public const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
        public const string ActReason = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
        public const string ParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
        public const string AdverseEventSeriousness = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";
        public const string AdverseEventSeverity = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
        public const string AdverseEventOutcome = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";
    }
}
