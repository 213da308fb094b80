using System.Text.Json;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.Runtime.Partners;

/// <summary>What a partner's CapabilityStatement says about what the gateway needs, and what falls short.</summary>
public sealed record CapabilityReport(string PartnerId, string? FhirVersion, bool Json, bool Transaction, bool Conditional, IReadOnlyList<string> Shortfalls)
{
    public bool Sufficient => Shortfalls.Count == 0;

    /// <summary>The server software the CapabilityStatement names (software.name and version), when it names one.</summary>
    public string? Software { get; init; }
}

/// <summary>
/// Reads a partner's <c>/metadata</c> and checks it supports what delivery needs: FHIR 4.0.x, JSON, the
/// <c>transaction</c> interaction, and conditional create or update on each resource type the gateway sends.
/// </summary>
public static class CapabilityCheck
{
    /// <summary>The resource types the clinic's mapping produces.</summary>
    public static readonly IReadOnlyList<string> GatewayResourceTypes =
        ["Patient", "Observation", "DiagnosticReport", "Procedure", "CarePlan", "CareTeam", "Goal", "Condition", "Consent", "BiologicallyDerivedProduct", "Provenance"];

    public static CapabilityReport Evaluate(string partnerId, int? status, ReadOnlyMemory<byte> body, string? failure)
    {
        if (status is null) return new CapabilityReport(partnerId, null, false, false, false, [$"no answer from /metadata ({failure})"]);
        if (status is < 200 or >= 300) return new CapabilityReport(partnerId, null, false, false, false, [$"/metadata answered HTTP {status}"]);
        try
        {
            using var doc = JsonDocument.Parse(body);
            return Evaluate(partnerId, doc.RootElement);
        }
        catch (JsonException e)
        {
            return new CapabilityReport(partnerId, null, false, false, false, ["/metadata is not JSON: " + JsonErrorText.Describe(e)]);
        }
    }

    private static CapabilityReport Evaluate(string partnerId, JsonElement cs)
    {
        var shortfalls = new List<string>();
        if (Text(cs, "resourceType") != "CapabilityStatement") shortfalls.Add("/metadata is not a CapabilityStatement");
        var version = Text(cs, "fhirVersion");
        if (version is null || !version.StartsWith("4.0.", StringComparison.Ordinal)) shortfalls.Add($"FHIR version {version ?? "(none)"} is not 4.0.x");
        var json = Array(cs, "format").Any(f => f.GetString() is { } s && s.Contains("json", StringComparison.OrdinalIgnoreCase));
        if (!json) shortfalls.Add("JSON is not among its formats");
        var server = Array(cs, "rest").FirstOrDefault(r => Text(r, "mode") == "server");
        var transaction = server.ValueKind == JsonValueKind.Object && Array(server, "interaction").Any(i => Text(i, "code") == "transaction");
        if (!transaction) shortfalls.Add("no transaction interaction");
        var missing = new List<string>();
        foreach (var type in GatewayResourceTypes)
        {
            var resource = server.ValueKind == JsonValueKind.Object ? Array(server, "resource").FirstOrDefault(r => Text(r, "type") == type) : default;
            if (resource.ValueKind != JsonValueKind.Object || !(Flag(resource, "conditionalCreate") || Flag(resource, "conditionalUpdate"))) missing.Add(type);
        }
        if (missing.Count > 0) shortfalls.Add("no conditional create or update for " + string.Join(", ", missing));
        var software = cs.ValueKind == JsonValueKind.Object && cs.TryGetProperty("software", out var s) ? s : default;
        var softwareName = string.Join(" ", new[] { Text(software, "name"), Text(software, "version") }.OfType<string>());
        return new CapabilityReport(partnerId, version, json, transaction, missing.Count == 0, shortfalls) { Software = softwareName.Length > 0 ? softwareName : null };
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];
}
