using System.Text;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Sources;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Terminology;

namespace FhirGateway.Validation.Tests.Support;

/// <summary>Builds validators over R4 core plus a few definitions written in the test (mostly differential-only profiles).</summary>
internal static class TestDefinitions
{
    public const string Base = "http://example.org/fhir/StructureDefinition/";

    /// <summary>A differential-only profile of the resource type <paramref name="type"/> named <paramref name="name"/> with the given differential elements (JSON objects).</summary>
    public static string Profile(string name, string type, params string[] elements) => StructureDefinition(name, type, "resource", elements);

    /// <summary>A differential-only profile of the data type <paramref name="type"/>.</summary>
    public static string TypeProfile(string name, string type, params string[] elements) => StructureDefinition(name, type, "complex-type", elements);

    private static string StructureDefinition(string name, string type, string kind, string[] elements) => $$"""
        {
          "resourceType": "StructureDefinition", "url": "{{Base}}{{name}}", "name": "{{name}}", "status": "draft",
          "kind": "{{kind}}",
          "abstract": false, "type": "{{type}}", "derivation": "constraint",
          "baseDefinition": "http://hl7.org/fhir/StructureDefinition/{{type}}",
          "differential": { "element": [ { "id": "{{type}}", "path": "{{type}}" }{{string.Concat(elements.Select(e => ", " + e))}} ] }
        }
        """;

    /// <summary>A simple extension definition with one value type, allowed on the given context paths.</summary>
    public static string Extension(string name, string valueType, bool modifier = false, params string[] contexts) => $$"""
        {
          "resourceType": "StructureDefinition", "url": "{{Base}}{{name}}", "name": "{{name}}", "status": "draft",
          "kind": "complex-type", "abstract": false, "type": "Extension", "derivation": "constraint",
          "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Extension",
          "context": [ {{string.Join(", ", (contexts.Length == 0 ? ["Element"] : contexts).Select(c => $$"""{ "type": "element", "expression": "{{c}}" }"""))}} ],
          "differential": { "element": [
            { "id": "Extension", "path": "Extension"{{(modifier ? ", \"isModifier\": true, \"isModifierReason\": \"test\"" : "")}} },
            { "id": "Extension.extension", "path": "Extension.extension", "max": "0" },
            { "id": "Extension.url", "path": "Extension.url", "fixedUri": "{{Base}}{{name}}" },
            { "id": "Extension.value[x]", "path": "Extension.value[x]", "min": 1, "type": [ { "code": "{{valueType}}" } ] }
          ] }
        }
        """;

    /// <summary>The canonical url of a definition written in a test.</summary>
    public static string UrlOf(string definition) => System.Text.Json.JsonDocument.Parse(definition).RootElement.GetProperty("url").GetString()!;

    /// <summary>The definitions given (JSON texts) in front of R4 core.</summary>
    public static IDefinitionSource With(params string[] definitions)
    {
        if (definitions.Length == 0) return CoreDefinitions.R4;
        var collector = new DefinitionCollector();
        for (var i = 0; i < definitions.Length; i++) collector.Add(Encoding.UTF8.GetBytes(definitions[i]), $"test-definition-{i}.json");
        return DefinitionResolver.WithCore(collector.ToSource("test definitions"));
    }

    /// <summary>A validator over the definitions; unless options are given, best-practice invariants (dom-6) are left out so that tests see only what they test.</summary>
    public static FhirValidator Validator(ValidatorOptions? options = null, ITerminologyService? terminology = null, params string[] definitions) =>
        new(With(definitions), options ?? new ValidatorOptions { BestPractice = BestPracticeHandling.Ignore }, terminology);

    public static ValidationResult Validate(this FhirValidator validator, string json, params string[] profiles) =>
        validator.Validate(Encoding.UTF8.GetBytes(json), "test.json", profiles.Length == 0 ? null : profiles);

    public static IReadOnlyList<Issue> Errors(this ValidationResult result) => result.Issues.Where(i => i.IsError).ToList();

    /// <summary>The codes of the error issues with their locations, for compact assertions.</summary>
    public static IReadOnlyList<(string Code, string? Expression)> ErrorCodes(this ValidationResult result) =>
        result.Errors().Select(i => (i.Code, i.Expression)).ToList();

    public static Issue Single(this ValidationResult result, string code) => Assert.Single(result.Issues, i => i.Code == code);
}
