using System.Text.Json.Nodes;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Mapping.Mappers.Tables;

/// <summary>The MSC administration routes (ValueSet administration-route): the record's word and the SNOMED CT concept.</summary>
internal static class Routes
{
    public const string Intravenous = "intravenous";
    public const string Intrathecal = "intrathecal";

    public static readonly IReadOnlyList<string> All = [Intravenous, Intrathecal];

    public static string Snomed(string route) => route == Intrathecal ? "72607000" : "47625008";

    public static JsonObject Extension(string route) =>
        FhirNodes.Extension(ClinicIg.Extension("administration-route"), "valueCodeableConcept",
            FhirNodes.Concept(ClinicIg.Standard.Snomed, Snomed(route), null, route == Intrathecal ? "Intrathecal" : "Intravenous"));

    /// <summary>The outcome of the safety review an intrathecal delivery relies on, as the citing record states it (extension safety-review-outcome).</summary>
    public static JsonObject ReviewOutcomeExtension(string outcome) =>
        FhirNodes.Extension(ClinicIg.Extension("safety-review-outcome"), "valueCodeableConcept", ClinicConcepts.Concept(outcome));

    public static JsonObject DoseExtension(Records.RecordNumber dose) =>
        FhirNodes.Extension(ClinicIg.Extension("msc-dose"), "valueQuantity", FhirNodes.Quantity(dose, "10^6 cells/kg", "10*6/kg"));
}
