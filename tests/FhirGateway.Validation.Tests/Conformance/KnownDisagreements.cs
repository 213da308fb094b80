using System.Text.Json;

namespace FhirGateway.Validation.Tests.Conformance;

/// <summary>One step where the gateway's error count differs from the HL7 validator's, and why.</summary>
public sealed record Disagreement(string Step, int Ours, int Theirs, string Reason);

/// <summary>
/// The one list of the suite's disagreements (<c>known-disagreements.json</c> beside this file): every JSON step
/// whose count differs from the HL7 validator's is listed there with the reason, and nothing else is.
/// </summary>
internal static class KnownDisagreements
{
    private static readonly Lazy<IReadOnlyDictionary<string, Disagreement>> Loaded = new(Load);

    public static IReadOnlyDictionary<string, Disagreement> All => Loaded.Value;

    private static IReadOnlyDictionary<string, Disagreement> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Conformance", "known-disagreements.json");
        var list = JsonSerializer.Deserialize<List<Disagreement>>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true }) ?? [];
        return list.ToDictionary(d => d.Step, StringComparer.Ordinal);
    }
}
