using System.Text.Json.Nodes;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Mapping.Mappers.Tables;

/// <summary>The clinic's own codes (CodeSystem clinic-concepts) the mappers write, with their displays as the code system defines them.</summary>
internal static class ClinicConcepts
{
    private static readonly Dictionary<string, string> Displays = new(StringComparer.Ordinal)
    {
        ["edss"] = "Expanded Disability Status Scale (EDSS) score",
        ["nfl-csf"] = "Neurofilament light chain [Mass/volume] in cerebrospinal fluid",
        ["8-ohdg"] = "8-hydroxy-2'-deoxyguanosine (8-OHdG) [Mass/volume] in serum",
        ["mda"] = "Malondialdehyde (MDA) [Moles/volume] in serum",
        ["biomarker-panel"] = "Neuro-inflammatory and neurodegeneration biomarker panel",
        ["msc-infusion"] = "Infusion of Wharton's-jelly-derived mesenchymal stromal cells",
        ["intrathecal-safety-review"] = "Intrathecal delivery safety review",
        ["msc-eligibility"] = "MSC programme eligibility assessment",
        ["severe-bulbar-involvement"] = "Severe bulbar involvement",
        ["eligible"] = "Eligible",
        ["not-eligible"] = "Not eligible",
        ["approved"] = "Approved",
        ["not-approved"] = "Not approved",
        ["post-thaw-viability"] = "Post-thaw cell viability",
        ["identity-verification"] = "MSC identity verification",
        ["wj-msc"] = "Wharton's-jelly-derived mesenchymal stromal cells, clinical grade",
        ["whartons-jelly"] = "Wharton's jelly (umbilical cord)",
        ["msc-programme"] = "MSC programme (adjunct to neurology care)",
        ["ms-disease-course"] = "Multiple sclerosis disease course",
        ["ms-relapses-24m"] = "Multiple sclerosis relapses in the last 24 months",
        ["last-relapse-onset"] = "Onset of the most recent MS relapse",
        ["mri-summary"] = "MRI study summary",
        ["emg-summary"] = "EMG and nerve conduction study summary",
        ["disease-modifying-therapy"] = "Disease-modifying therapy",
        ["slope-of-decline"] = "Change in the slope of decline",
        ["inflammatory-markers"] = "Reduced inflammatory markers",
        ["quality-of-life"] = "Quality of life reported by the patient",
        ["alsfrs-r-slope"] = "ALSFRS-R slope: change in the total score per month",
        ["two-point-slope"] = "Two-point slope: change between two assessments per month between them",
    };

    public static string Display(string code) => Displays[code];

    public static JsonObject Coding(string code) => FhirNodes.Coding(ClinicIg.Concepts, code, Displays[code]);

    public static JsonObject Concept(string code, string? text = null) => FhirNodes.Concept([Coding(code)], text);
}
