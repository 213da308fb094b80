using System.Text.Json.Nodes;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Mapping.Mappers.Tables;

/// <summary>
/// The record's adverse-event grading and the R4 codes it maps to, with the displays the code systems define
/// (adverse-event-seriousness, -severity and -outcome 4.0.1; see profiles/code-notes.md). Seriousness codes are
/// capitalised in R4 (<c>Serious</c>, <c>Non-serious</c>).
/// </summary>
internal static class AdverseEventCodes
{
    private static readonly Dictionary<string, (string Code, string Display)> Seriousness = new(StringComparer.Ordinal)
    {
        ["serious"] = ("Serious", "Serious"),
        ["non-serious"] = ("Non-serious", "Non-serious"),
    };

    private static readonly Dictionary<string, string> Severity = new(StringComparer.Ordinal)
    {
        ["mild"] = "Mild",
        ["moderate"] = "Moderate",
        ["severe"] = "Severe",
    };

    private static readonly Dictionary<string, string> Outcome = new(StringComparer.Ordinal)
    {
        ["resolved"] = "Resolved",
        ["recovering"] = "Recovering",
        ["ongoing"] = "Ongoing",
        ["resolvedWithSequelae"] = "Resolved with Sequelae",
        ["fatal"] = "Fatal",
        ["unknown"] = "Unknown",
    };

    public static IReadOnlyCollection<string> SeriousnessValues => Seriousness.Keys;

    public static IReadOnlyCollection<string> SeverityValues => Severity.Keys;

    public static IReadOnlyCollection<string> OutcomeValues => Outcome.Keys;

    public static JsonObject SeriousnessConcept(string value) =>
        FhirNodes.Concept(ClinicIg.Standard.AdverseEventSeriousness, Seriousness[value].Code, Seriousness[value].Display);

    public static JsonObject SeverityConcept(string value) => FhirNodes.Concept(ClinicIg.Standard.AdverseEventSeverity, value, Severity[value]);

    public static JsonObject OutcomeConcept(string value) => FhirNodes.Concept(ClinicIg.Standard.AdverseEventOutcome, value, Outcome[value]);

    public static string Describe(string seriousness, string severity, string outcome) =>
        $"{Seriousness[seriousness].Display}, {Severity[severity].ToLowerInvariant()}; {Outcome[outcome].ToLowerInvariant()}";
}
