using System.Text.Json;
using FhirGateway.Runtime.Inbound;

namespace FhirGateway.Runtime.Tests.Inbound;

public sealed class ResourceReadingTests
{
    [Theory]
    [InlineData("Observation/1", "Observation", "1", null)]
    [InlineData("Observation/1/_history/2", "Observation", "1", "2")]
    [InlineData("http://x.example/fhir/R4/Patient/abc-1/_history/9f8e?x=1", "Patient", "abc-1", "9f8e")]
    [InlineData("http://x.example/fhir/Condition/c.1", "Condition", "c.1", null)]
    public void Reads_relative_and_absolute_locations(string text, string type, string id, string? version)
    {
        Assert.True(ResourceLocation.TryParse(text, out var t, out var i, out var v));
        Assert.Equal((type, id, version), (t, i, v));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Observation")]
    [InlineData("observation/1")]
    [InlineData("Observation/has space")]
    [InlineData("urn:uuid:5b9a1e2c-0000-4000-8000-000000000000")]
    public void Refuses_what_is_no_location(string text) => Assert.False(ResourceLocation.TryParse(text, out _, out _, out _));

    [Fact]
    public void A_resource_without_a_version_id_is_recognised_by_its_last_updated_else_its_content()
    {
        using var withTime = JsonDocument.Parse("""{"resourceType":"Observation","id":"o1","meta":{"lastUpdated":"2026-12-04T10:00:00.123+01:00"}}""");
        using var bare = JsonDocument.Parse("""{"resourceType":"Observation","id":"o1"}""");

        var a = PartnerResource.From(withTime.RootElement)!;
        var b = PartnerResource.From(bare.RootElement)!;

        Assert.False(a.VersionGiven);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 9, 0, 0, 123, TimeSpan.Zero), a.LastUpdated);
        Assert.StartsWith("lu-", a.VersionId, StringComparison.Ordinal);
        Assert.StartsWith("sha-", b.VersionId, StringComparison.Ordinal);
        Assert.Equal(b.VersionId, PartnerResource.From(bare.RootElement)!.VersionId);
    }

    [Theory]
    [InlineData("Observation", "subject")]
    [InlineData("Condition", "subject")]
    [InlineData("MedicationRequest", "subject")]
    [InlineData("MedicationStatement", "subject")]
    [InlineData("CarePlan", "subject")]
    [InlineData("AdverseEvent", "subject")]
    [InlineData("AllergyIntolerance", "patient")]
    public void The_patient_reference_path_comes_from_the_R4_search_parameters(string type, string path) =>
        Assert.Equal(path, PatientReferencePaths.R4.For(type)[0]);

    [Theory]
    [InlineData("""{"resourceType":"Observation","identifier":[{"system":"https://fhir.helixneuro.clinic/sid/result","value":"r1"}]}""", true)]
    [InlineData("""{"resourceType":"Provenance","meta":{"tag":[{"system":"https://fhir.helixneuro.clinic/sid/record-key","code":"r@1"}]}}""", true)]
    [InlineData("""{"resourceType":"Observation","identifier":[{"system":"https://fhir.northbridge-uh.org/sid/obs","value":"r1"}]}""", false)]
    [InlineData("""{"resourceType":"Observation"}""", false)]
    public void Resources_in_the_clinics_identifier_namespace_are_the_clinics_own(string json, bool clinic)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(clinic, EchoFilter.CarriesClinicNamespace(doc.RootElement));
    }
}
