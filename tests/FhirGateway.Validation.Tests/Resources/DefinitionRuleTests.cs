using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Resources;

/// <summary>Rules on conformance resources and data types that their definitions cannot state alone.</summary>
public sealed class DefinitionRuleTests
{
    [Fact]
    public void A_search_parameter_must_keep_the_type_of_the_one_it_derives_from()
    {
        static string Parameter(string type) => $$"""
            { "resourceType": "SearchParameter", "url": "http://example.org/sp", "name": "n", "status": "draft", "description": "d", "code": "name",
              "base": [ "Organization" ], "type": "{{type}}", "expression": "Organization.name", "derivedFrom": "http://hl7.org/fhir/SearchParameter/Organization-name" }
            """;
        Assert.Empty(Validator().Validate(Parameter("string")).Errors());
        Assert.Equal([("val-search-parameter-type", "SearchParameter")], Validator().Validate(Parameter("token")).ErrorCodes());
    }

    [Fact]
    public void A_derived_search_parameter_searches_only_the_bases_of_the_original()
    {
        static string Parameter(string @base) => $$"""
            { "resourceType": "SearchParameter", "url": "http://example.org/sp", "name": "n", "status": "draft", "description": "d", "code": "name",
              "base": [ "{{@base}}" ], "type": "string", "expression": "{{@base}}.name", "derivedFrom": "http://hl7.org/fhir/SearchParameter/Organization-name" }
            """;
        Assert.Empty(Validator().Validate(Parameter("Organization")).Errors());
        var wrong = Validator().Validate(Parameter("Location")).Errors();
        Assert.Equal([("val-search-parameter-base", "SearchParameter")], wrong.Select(e => (e.Code, e.Expression)));
        Assert.Contains("Location", wrong[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_composite_search_parameter_needs_two_components()
    {
        static string Parameter(string components) => $$"""
            { "resourceType": "SearchParameter", "url": "http://example.org/sp", "name": "n", "status": "draft", "description": "d", "code": "code-value",
              "base": [ "Observation" ], "type": "composite", "expression": "Observation" {{components}} }
            """;
        const string one = """ { "definition": "http://hl7.org/fhir/SearchParameter/clinical-code", "expression": "code" } """;
        Assert.Equal([("val-search-parameter-components", "SearchParameter")], Validator().Validate(Parameter($", \"component\": [ {one} ]")).ErrorCodes());
        Assert.Empty(Validator().Validate(Parameter($", \"component\": [ {one}, {one} ]")).Errors());
    }

    [Fact]
    public void An_attachment_size_must_be_the_size_of_its_data()
    {
        static string Media(int size) => $$"""
            { "resourceType": "Media", "status": "completed", "content": { "contentType": "text/plain", "data": "aGVsbG8=", "size": {{size}} } }
            """;
        Assert.Empty(Validator().Validate(Media(5)).Errors());
        Assert.Equal([("val-attachment-size", "Media.content")], Validator().Validate(Media(6)).ErrorCodes());
    }

    [Fact]
    public void A_urn_uuid_uri_must_be_a_lowercase_uuid()
    {
        static string Basic(string uri) => $$"""{ "resourceType": "Basic", "code": { "text": "x" }, "implicitRules": "{{uri}}" }""";
        Assert.Empty(Validator().Validate(Basic("urn:uuid:4e5d6c7b-8a9b-4c0d-8e1f-203142536475")).Errors());
        Assert.Equal([("val-urn-invalid", "Basic.implicitRules")], Validator().Validate(Basic("urn:uuid:4E5D6C7B-8A9B-4C0D-8E1F-203142536475")).ErrorCodes());
    }

    [Fact]
    public void An_identifier_in_the_uri_system_must_have_an_absolute_uri_value()
    {
        static string Organization(string value) => $$"""
            { "resourceType": "Organization", "identifier": [ { "system": "urn:ietf:rfc:3986", "value": "{{value}}" } ] }
            """;
        Assert.Empty(Validator().Validate(Organization("urn:oid:2.16.840.1.113883.19.5")).Errors());
        Assert.Equal([("val-identifier-not-uri", "Organization.identifier[0]")], Validator().Validate(Organization("2.16.840.1.113883.19.5")).ErrorCodes());
    }

    [Fact]
    public void A_stratifier_in_cql_needs_a_library_that_resolves()
    {
        static string Measure(string library) => $$"""
            { "resourceType": "Measure", "status": "draft", {{library}}
              "group": [ { "population": [ { "criteria": { "language": "text/cql", "expression": "Initial Population" } } ],
                           "stratifier": [ { "criteria": { "language": "text/cql", "expression": "Age Group" } } ] } ] }
            """;
        Assert.Equal([("val-measure-no-library", "Measure.group[0].stratifier[0].criteria")], Validator().Validate(Measure("")).ErrorCodes());
        const string contained = """ "contained": [ { "resourceType": "Library", "id": "logic", "status": "draft", "type": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/library-type", "code": "logic-library" } ] } } ], "library": [ "#logic" ], """;
        Assert.Empty(Validator().Validate(Measure(contained)).Errors());
    }

    private static string Definition(string type, string baseName, string url, string elements) => $$"""
        { "resourceType": "StructureDefinition", "url": "{{url}}", "name": "N", "status": "draft", "kind": "{{(type == "Extension" ? "complex-type" : "resource")}}", "abstract": false,
          "type": "{{type}}", "baseDefinition": "http://hl7.org/fhir/StructureDefinition/{{baseName}}", "derivation": "constraint",
          {{(type == "Extension" ? "\"context\": [ { \"type\": \"element\", \"expression\": \"Patient\" } ]," : "")}}
          "differential": { "element": [ {{elements}} ] } }
        """;

    [Fact]
    public void An_extension_definition_fixes_its_own_url()
    {
        const string url = "http://example.org/fhir/StructureDefinition/flag";
        static string Elements(string fixedUrl) => $$"""
            { "id": "Extension", "path": "Extension" }, { "id": "Extension.url", "path": "Extension.url", "fixedUri": "{{fixedUrl}}" }
            """;
        Assert.DoesNotContain(Validator().Validate(Definition("Extension", "Extension", url, Elements(url))).Errors(), e => e.Code.StartsWith("val-extension-definition", StringComparison.Ordinal));
        Assert.Contains(("val-extension-definition-url-mismatch", "StructureDefinition"),
            Validator().Validate(Definition("Extension", "Extension", url, Elements("http://example.org/other"))).ErrorCodes());
        Assert.Contains(("val-extension-definition-url-missing", "StructureDefinition"),
            Validator().Validate(Definition("Extension", "Extension", url, """{ "id": "Extension", "path": "Extension" }""")).ErrorCodes());
    }

    [Fact]
    public void Slicing_is_declared_only_on_an_element_that_repeats_or_is_a_choice()
    {
        static IReadOnlyList<(string, string?)> Codes(string elements) =>
            Validator().Validate(Definition("Patient", "Patient", "http://example.org/fhir/StructureDefinition/p", elements)).ErrorCodes();
        const string slicing = """ "slicing": { "discriminator": [ { "type": "value", "path": "system" } ], "rules": "open" } """;
        Assert.DoesNotContain(Codes($$"""{ "id": "Patient.identifier", "path": "Patient.identifier", {{slicing}} }"""), c => c.Item1.StartsWith("val-slicing", StringComparison.Ordinal));
        Assert.Contains(("val-slicing-not-repeating", "StructureDefinition.differential.element[0].slicing"), Codes($$"""{ "id": "Patient.gender", "path": "Patient.gender", {{slicing}} }"""));
        Assert.Contains(("val-slicing-on-root", "StructureDefinition.differential.element[0].slicing"), Codes($$"""{ "id": "Patient", "path": "Patient", {{slicing}} }"""));
    }

    [Fact]
    public void A_discriminator_path_leads_to_an_element_of_the_sliced_element()
    {
        static IReadOnlyList<(string, string?)> Codes(string path) => Validator().Validate(Definition("Observation", "Observation", "http://example.org/fhir/StructureDefinition/o",
            $$"""{ "id": "Observation.component", "path": "Observation.component", "slicing": { "discriminator": [ { "type": "pattern", "path": "{{path}}" } ], "rules": "open" } }""")).ErrorCodes();
        Assert.DoesNotContain(Codes("code.coding.system"), c => c.Item1 == "val-discriminator-path");
        Assert.DoesNotContain(Codes("value.ofType(Quantity).code"), c => c.Item1 == "val-discriminator-path");
        Assert.Contains(("val-discriminator-path", "StructureDefinition.differential.element[0].slicing.discriminator[0]"), Codes("code.codings.system"));
    }
}
