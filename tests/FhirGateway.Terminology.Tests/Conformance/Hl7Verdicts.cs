using System.Text.Json;

namespace FhirGateway.Terminology.Tests.Conformance;

/// <summary>The HL7 Java validator's verdicts on the core examples (../shared/conformance/r4-examples.hl7-validator.json): error texts per file.</summary>
internal static class Hl7Verdicts
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Load(string conformanceRoot)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(conformanceRoot, "r4-examples.hl7-validator.json")));
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var file in doc.RootElement.EnumerateObject())
            map[file.Name] = file.Value.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("text").GetString() ?? "").ToList();
        return map;
    }

    /// <summary>True when the HL7 validator reported an error in <paramref name="file"/> whose text names <paramref name="code"/>.</summary>
    public static bool Agrees(IReadOnlyDictionary<string, IReadOnlyList<string>> verdicts, string file, string code) =>
        verdicts.TryGetValue(file, out var errors) && errors.Any(t => t.Contains($"'{code}'", StringComparison.Ordinal) || t.Contains($"#{code}", StringComparison.Ordinal));
}
