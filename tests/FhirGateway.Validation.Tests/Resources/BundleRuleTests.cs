using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Resources;

/// <summary>The rules R4 states for Bundles: fullUrl, links, documents.</summary>
public sealed class BundleRuleTests
{
    private static string Collection(string fullUrl, string id = "p1") => $$"""
        { "resourceType": "Bundle", "type": "collection", "entry": [ { "fullUrl": "{{fullUrl}}", "resource": { "resourceType": "Patient", "id": "{{id}}" } } ] }
        """;

    [Fact]
    public void Fails_when_a_full_url_is_relative()
    {
        Assert.Equal([("val-bundle-fullurl-relative", "Bundle.entry[0]")], Validator().Validate(Collection("Patient/p1")).ErrorCodes());
    }

    [Fact]
    public void Fails_when_a_restful_full_url_names_a_resource_that_has_no_id()
    {
        const string bundle = """{ "resourceType": "Bundle", "type": "collection", "entry": [ { "fullUrl": "http://x.org/fhir/Patient/p1", "resource": { "resourceType": "Patient" } } ] }""";
        Assert.Equal([("val-bundle-fullurl-no-id", "Bundle.entry[0].fullUrl")], Validator().Validate(bundle).ErrorCodes());
        Assert.Empty(Validator().Validate(bundle.Replace("http://x.org/fhir/Patient/p1", "urn:uuid:7d2b5a3c-0b5e-4d8e-9a1f-1c2d3e4f5a6b", StringComparison.Ordinal)).Errors());
    }

    [Fact]
    public void Fails_when_a_restful_full_url_disagrees_with_the_resource_id()
    {
        Assert.Empty(Validator().Validate(Collection("http://x.org/fhir/Patient/p1")).Errors());
        Assert.Equal([("val-bundle-fullurl-mismatch", "Bundle.entry[0].fullUrl")], Validator().Validate(Collection("http://x.org/fhir/Patient/p2")).ErrorCodes());
    }

    [Fact]
    public void Fails_when_a_paging_link_relation_repeats()
    {
        var result = Validator().Validate("""
            { "resourceType": "Bundle", "type": "searchset", "link": [
              { "relation": "self", "url": "http://x.org/a" }, { "relation": "next", "url": "http://x.org/b" }, { "relation": "self", "url": "http://x.org/c" } ] }
            """);
        Assert.Equal([("val-bundle-link-repeated", "Bundle.link[2]")], result.ErrorCodes());
    }

    [Fact]
    public void A_document_must_hold_every_section_entry_once()
    {
        static string Document(string sectionEntry) => $$"""
            { "resourceType": "Bundle", "type": "document", "identifier": { "system": "urn:ietf:rfc:3986", "value": "urn:uuid:4e5d6c7b-8a9b-4c0d-8e1f-203142536475" }, "timestamp": "2024-01-01T00:00:00Z",
              "entry": [
                { "fullUrl": "http://x.org/fhir/Composition/c", "resource": { "resourceType": "Composition", "id": "c", "status": "final", "type": { "text": "note" },
                  "date": "2024-01-01", "author": [ { "display": "A" } ], "title": "T", "section": [ { "title": "S", "entry": [ { "reference": "{{sectionEntry}}" } ] } ] } },
                { "fullUrl": "http://x.org/fhir/Observation/o", "resource": { "resourceType": "Observation", "id": "o", "status": "final", "code": { "text": "x" } } } ] }
            """;
        Assert.Empty(Validator().Validate(Document("Observation/o")).Errors());
        Assert.Equal([("val-document-entry-missing", "Bundle.entry[0].resource.section[0].entry[0]"), ("val-document-entry-unreachable", "Bundle.entry[1]")],
            Validator().Validate(Document("Observation/other")).ErrorCodes());
    }

    [Fact]
    public void Every_document_entry_is_reachable_from_the_composition_or_a_stylesheet_and_a_stylesheet_reference_resolves()
    {
        static string Document(string stylesheet, string patientReference) => $$"""
            { "resourceType": "Bundle", "type": "document", "identifier": { "system": "urn:ietf:rfc:3986", "value": "urn:uuid:4e5d6c7b-8a9b-4c0d-8e1f-203142536475" }, "timestamp": "2024-01-01T00:00:00Z",
              "link": [ { "relation": "stylesheet", "url": "{{stylesheet}}" } ],
              "entry": [
                { "fullUrl": "http://x.org/fhir/Composition/c", "resource": { "resourceType": "Composition", "id": "c", "status": "final", "type": { "text": "note" },
                  "date": "2024-01-01", "author": [ { "display": "A" } ], "title": "T", "subject": { "reference": "{{patientReference}}" } } },
                { "fullUrl": "http://x.org/fhir/Patient/p", "resource": { "resourceType": "Patient", "id": "p" } },
                { "fullUrl": "http://x.org/fhir/Observation/o", "resource": { "resourceType": "Observation", "id": "o", "status": "final", "code": { "text": "x" }, "subject": { "reference": "Patient/p" } } },
                { "fullUrl": "http://x.org/fhir/Binary/css", "resource": { "resourceType": "Binary", "id": "css", "contentType": "text/css" } } ] }
            """;
        Assert.Empty(Validator().Validate(Document("Binary/css", "Patient/p")).Errors());
        Assert.Equal([("val-document-entry-unreachable", "Bundle.entry[1]"), ("val-document-entry-unreachable", "Bundle.entry[2]")],
            Validator().Validate(Document("Binary/css", "http://elsewhere.org/Patient/q")).ErrorCodes().Order().ToList());
        Assert.Equal([("val-document-entry-unreachable", "Bundle.entry[3]"), ("val-document-stylesheet-missing", "Bundle.link[0].url")],
            Validator().Validate(Document("Binary/other", "Patient/p")).ErrorCodes().Order().ToList());
    }
}
