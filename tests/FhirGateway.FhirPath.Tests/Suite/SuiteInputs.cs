using System.Collections.Concurrent;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.FhirPath.Tests.Suite;

/// <summary>
/// Loads the suite's input resources as element trees, once each. An XML input is read from its JSON equivalent
/// in <c>input-json-candidates/</c>; testFHIRPathIsFunction8–10 need the patient-age extension that only
/// <c>observation-example.r5.json</c> carries (see the conformance README).
/// </summary>
public static class SuiteInputs
{
    private static readonly ConcurrentDictionary<string, ElementNode> Cache = new(StringComparer.Ordinal);
    private static readonly HashSet<string> NeedsR5Observation = ["testFHIRPathIsFunction8", "testFHIRPathIsFunction9", "testFHIRPathIsFunction10"];
    private static readonly Lazy<FhirJsonParser> Parser = new(() => new FhirJsonParser(StructureTypeModel.R4Core));

    public static bool Available => true;

    public const string UnavailableReason = "The suite's input files cannot be read.";

    public static ITypeModel Model => StructureTypeModel.R4Core;

    /// <summary>The JSON file a test's input stands for (the JSON candidate of an XML input).</summary>
    public static string PathOf(string inputFile, string testName)
    {
        var folder = SharedConformance.Folder("fhirpath") ?? throw new InvalidOperationException(SharedConformance.MissingReason("fhirpath"));
        if (!inputFile.EndsWith(".xml", StringComparison.Ordinal)) return Path.Combine(folder, "input", inputFile);
        var name = Path.GetFileNameWithoutExtension(inputFile);
        if (name == "observation-example" && NeedsR5Observation.Contains(testName)) name += ".r5";
        return Path.Combine(folder, "input-json-candidates", name + ".json");
    }

    public static ElementNode Load(string inputFile, string testName)
    {
        var path = PathOf(inputFile, testName);
        return Cache.GetOrAdd(path, static p =>
        {
            var result = Parser.Value.Parse(File.ReadAllBytes(p), Path.GetFileName(p));
            return result.Root ?? throw new InvalidOperationException($"{p} could not be read: {string.Join("; ", result.Issues)}");
        });
    }
}
