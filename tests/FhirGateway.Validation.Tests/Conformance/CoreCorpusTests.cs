using System.Text.Json;
using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Validation.Tests.Conformance;

/// <summary>One example of the R4 corpus that gets errors, and why.</summary>
public sealed record ExampleWithErrors(string File, string Reason);

/// <summary>
/// Every example of ../shared/conformance/r4-examples validates against R4 core without error, except those listed
/// in r4-examples-with-errors.json with the reason; the HL7 validator's verdict on each file (r4-examples.hl7-validator.json)
/// is the yardstick for false alarms: an error on a file where it reports none.
/// </summary>
public sealed class CoreCorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<FhirValidator> Validator = new(() => new FhirValidator(CoreDefinitions.R4));

    [NeedsConformanceFact]
    public void Only_the_listed_examples_get_errors_and_each_listed_one_does()
    {
        var listed = Load<ExampleWithErrors>(Path.Combine(AppContext.BaseDirectory, "Conformance", "r4-examples-with-errors.json"))
            .ToDictionary(e => e.File, StringComparer.Ordinal);
        using var hl7 = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SharedConformance.Root!, "r4-examples.hl7-validator.json")));
        var withErrors = new List<string>();
        var falseAlarms = new List<string>();
        var misses = new List<string>();
        var files = Directory.GetFiles(SharedConformance.Examples, "*.json").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var errors = Validator.Value.Validate(File.ReadAllBytes(file), name).Issues.Where(i => i.IsError).ToList();
            if (errors.Count == 0)
            {
                if (hl7.RootElement.TryGetProperty(name, out var theirs) && theirs.GetProperty("errors").GetInt32() > 0) misses.Add(name);
                continue;
            }
            withErrors.Add(name);
            foreach (var error in errors.Take(3)) output.WriteLine(error.ToString());
            if (hl7.RootElement.TryGetProperty(name, out var verdict) && verdict.GetProperty("errors").GetInt32() == 0) falseAlarms.Add(name);
        }
        output.WriteLine($"{files.Count} examples: {files.Count - withErrors.Count} without errors; {withErrors.Count} with errors, " +
            $"{falseAlarms.Count} of them where the HL7 validator reports none ({string.Join(", ", falseAlarms)}); " +
            $"{misses.Count} without errors where the HL7 validator reports some (its example-URL and unknown-extension policies included)");
        Assert.Equal(listed.Keys.Order(StringComparer.Ordinal), withErrors.Order(StringComparer.Ordinal));
        Assert.All(falseAlarms, f => Assert.Contains("HL7 validator", listed[f].Reason, StringComparison.Ordinal));
    }

    private static List<T> Load<T>(string path) =>
        JsonSerializer.Deserialize<List<T>>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true }) ?? [];
}
