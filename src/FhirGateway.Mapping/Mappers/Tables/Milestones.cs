using System.Text.Json.Nodes;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Mapping.Mappers.Tables;

/// <summary>The programme milestones (CodeSystem programme-milestone) with their displays.</summary>
internal static class Milestones
{
    public static readonly IReadOnlyDictionary<string, string> Displays = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["intake"] = "Intake assessment",
        ["baseline"] = "Baseline",
        ["month-1"] = "1-month follow-up",
        ["month-3"] = "3-month follow-up",
        ["month-6"] = "6-month follow-up",
        ["month-12"] = "12-month follow-up",
    };

    public static readonly IReadOnlyList<string> Codes = [.. Displays.Keys];

    public static readonly IReadOnlyList<string> FollowUps = ["month-1", "month-3", "month-6", "month-12"];

    public static JsonObject Concept(string code) => FhirNodes.Concept(ClinicIg.Milestones, code, Displays[code]);

    /// <summary>The programme-milestone extension.</summary>
    public static JsonObject Extension(string code) =>
        FhirNodes.Extension(ClinicIg.Extension("programme-milestone"), "valueCodeableConcept", Concept(code));
}
