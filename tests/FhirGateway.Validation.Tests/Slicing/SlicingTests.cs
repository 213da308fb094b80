using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Slicing;

/// <summary>Slicing of differential-only profiles: discriminators, rules, order, cardinality per slice, re-slicing and extension slices.</summary>
public sealed class SlicingTests
{
    private static string BloodPressure(string rules, bool ordered = false) => Profile($"bp-{rules}-{ordered}", "Observation",
        $$"""{ "id": "Observation.component", "path": "Observation.component", "slicing": { "discriminator": [ { "type": "pattern", "path": "code" } ], "rules": "{{rules}}", "ordered": {{(ordered ? "true" : "false")}} } }""",
        """{ "id": "Observation.component:sys", "path": "Observation.component", "sliceName": "sys", "min": 1, "max": "1" }""",
        """{ "id": "Observation.component:sys.code", "path": "Observation.component.code", "patternCodeableConcept": { "coding": [ { "system": "http://loinc.org", "code": "8480-6" } ] } }""",
        """{ "id": "Observation.component:dia", "path": "Observation.component", "sliceName": "dia", "min": 1, "max": "1" }""",
        """{ "id": "Observation.component:dia.code", "path": "Observation.component.code", "patternCodeableConcept": { "coding": [ { "system": "http://loinc.org", "code": "8462-4" } ] } }""",
        """{ "id": "Observation.component:dia.value[x]", "path": "Observation.component.value[x]", "min": 1 }""");

    private static string Components(params string[] codes) =>
        $$"""{ "resourceType": "Observation", "status": "final", "code": { "text": "bp" }, "component": [ {{string.Join(", ", codes.Select(c =>
            $$"""{ "code": { "coding": [ { "system": "http://loinc.org", "code": "{{c}}" } ] }, "valueQuantity": { "value": 80 } }"""))}} ] }""";

    private static ValidationResult Validate(string profile, string json) => Validator(definitions: profile).Validate(json, UrlOf(profile));

    [Fact]
    public void Elements_matching_their_slices_pass()
    {
        Assert.Empty(Validate(BloodPressure("open"), Components("8480-6", "8462-4")).Errors());
    }

    [Fact]
    public void Fails_when_a_required_slice_has_no_element()
    {
        var result = Validate(BloodPressure("open"), Components("8480-6"));
        var issue = Assert.Single(result.Errors());
        Assert.Equal(("val-slice-min", "Observation"), (issue.Code, issue.Expression));
        Assert.Contains("Observation.component:dia", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_when_a_slice_gets_more_elements_than_its_maximum()
    {
        Assert.Equal([("val-slice-max", "Observation")], Validate(BloodPressure("open"), Components("8480-6", "8462-4", "8462-4")).ErrorCodes());
    }

    [Fact]
    public void Closed_slicing_rejects_what_matches_no_slice_and_open_slicing_accepts_it()
    {
        Assert.Empty(Validate(BloodPressure("open"), Components("8480-6", "8462-4", "9279-1")).Errors());
        Assert.Equal([("val-slice-closed", "Observation.component[2]")], Validate(BloodPressure("closed"), Components("8480-6", "8462-4", "9279-1")).ErrorCodes());
    }

    [Fact]
    public void Open_at_end_slicing_wants_unmatched_elements_after_the_slices()
    {
        Assert.Empty(Validate(BloodPressure("openAtEnd"), Components("8480-6", "8462-4", "9279-1")).Errors());
        Assert.Equal([("val-slice-open-at-end", "Observation.component[1]")], Validate(BloodPressure("openAtEnd"), Components("9279-1", "8480-6", "8462-4")).ErrorCodes()
            .Where(e => e.Code == "val-slice-open-at-end").Take(1).ToList());
    }

    [Fact]
    public void Ordered_slicing_wants_the_slices_in_definition_order()
    {
        Assert.Empty(Validate(BloodPressure("open", ordered: true), Components("8480-6", "8462-4")).Errors());
        Assert.Equal([("val-slice-order", "Observation.component[1]")], Validate(BloodPressure("open", ordered: true), Components("8462-4", "8480-6")).ErrorCodes());
    }

    [Fact]
    public void A_slice_member_is_validated_against_the_slice()
    {
        var json = Components("8480-6", "8462-4").Replace(""", "valueQuantity": { "value": 80 } }, { "code": { "coding": [ { "system": "http://loinc.org", "code": "8462-4" } ] }, "valueQuantity": { "value": 80 } }""",
            """, "valueQuantity": { "value": 80 } }, { "code": { "coding": [ { "system": "http://loinc.org", "code": "8462-4" } ] } }""");
        Assert.Contains(("val-cardinality-min", "Observation.component[1]"), Validate(BloodPressure("open"), json).ErrorCodes());
    }

    [Fact]
    public void Extension_slices_match_by_url_and_check_the_extension_definition()
    {
        var extension = Extension("eye", "string", false, "Patient");
        var profile = Profile("eyed-patient", "Patient",
            """{ "id": "Patient.extension", "path": "Patient.extension", "slicing": { "discriminator": [ { "type": "value", "path": "url" } ], "rules": "open" } }""",
            $$"""{ "id": "Patient.extension:eye", "path": "Patient.extension", "sliceName": "eye", "min": 1, "type": [ { "code": "Extension", "profile": [ "{{Base}}eye" ] } ] }""");
        var validator = Validator(null, null, extension, profile);
        Assert.Empty(validator.Validate($$"""{ "resourceType": "Patient", "extension": [ { "url": "{{Base}}eye", "valueString": "green" } ] }""", Base + "eyed-patient").Errors());
        Assert.Equal([("val-slice-min", "Patient")], validator.Validate("""{ "resourceType": "Patient", "active": true }""", Base + "eyed-patient").ErrorCodes());
        Assert.Contains(("val-type-not-allowed", "Patient.extension[0].valueBoolean"),
            validator.Validate($$"""{ "resourceType": "Patient", "extension": [ { "url": "{{Base}}eye", "valueBoolean": true } ] }""", Base + "eyed-patient").ErrorCodes());
    }

    [Fact]
    public void Type_slicing_on_a_choice_matches_by_the_instance_type()
    {
        var profile = Profile("typed-value", "Observation",
            """{ "id": "Observation.value[x]", "path": "Observation.value[x]", "slicing": { "discriminator": [ { "type": "type", "path": "$this" } ], "rules": "closed" } }""",
            """{ "id": "Observation.value[x]:valueQuantity", "path": "Observation.value[x]", "sliceName": "valueQuantity", "type": [ { "code": "Quantity" } ] }""",
            """{ "id": "Observation.value[x]:valueQuantity.unit", "path": "Observation.value[x].unit", "min": 1 }""");
        var validator = Validator(definitions: profile);
        Assert.Empty(validator.Validate("""{ "resourceType": "Observation", "status": "final", "code": { "text": "x" }, "valueQuantity": { "value": 1, "unit": "mg" } }""", Base + "typed-value").Errors());
        Assert.Equal([("val-cardinality-min", "Observation.valueQuantity")],
            validator.Validate("""{ "resourceType": "Observation", "status": "final", "code": { "text": "x" }, "valueQuantity": { "value": 1 } }""", Base + "typed-value").ErrorCodes());
    }

    [Fact]
    public void A_value_discriminator_a_slice_prohibits_matches_by_its_absence()
    {
        var profile = Profile("telecoms", "Patient",
            """{ "id": "Patient.telecom", "path": "Patient.telecom", "slicing": { "discriminator": [ { "type": "value", "path": "system" }, { "type": "value", "path": "use" } ], "rules": "closed" } }""",
            """{ "id": "Patient.telecom:home", "path": "Patient.telecom", "sliceName": "home" }""",
            """{ "id": "Patient.telecom:home.system", "path": "Patient.telecom.system", "fixedCode": "phone" }""",
            """{ "id": "Patient.telecom:home.use", "path": "Patient.telecom.use", "fixedCode": "home" }""",
            """{ "id": "Patient.telecom:email", "path": "Patient.telecom", "sliceName": "email" }""",
            """{ "id": "Patient.telecom:email.system", "path": "Patient.telecom.system", "fixedCode": "email" }""",
            """{ "id": "Patient.telecom:email.use", "path": "Patient.telecom.use", "max": "0" }""");
        const string email = """{ "system": "email", "value": "a@b.c" }""";
        Assert.Empty(Validate(profile, $$"""{ "resourceType": "Patient", "telecom": [ {{email}} ] }""").Errors());
        Assert.Equal([("val-slice-closed", "Patient.telecom[0]")],
            Validate(profile, """{ "resourceType": "Patient", "telecom": [ { "system": "email", "value": "a@b.c", "use": "work" } ] }""").ErrorCodes());
    }

    [Fact]
    public void Exists_discriminators_sort_by_presence()
    {
        var profile = Profile("ids", "Patient",
            """{ "id": "Patient.identifier", "path": "Patient.identifier", "slicing": { "discriminator": [ { "type": "exists", "path": "period" } ], "rules": "open" } }""",
            """{ "id": "Patient.identifier:dated", "path": "Patient.identifier", "sliceName": "dated", "min": 1, "max": "1" }""",
            """{ "id": "Patient.identifier:dated.period", "path": "Patient.identifier.period", "min": 1 }""");
        var validator = Validator(definitions: profile);
        Assert.Empty(validator.Validate("""{ "resourceType": "Patient", "identifier": [ { "value": "a" }, { "value": "b", "period": { "start": "2020" } } ] }""", Base + "ids").Errors());
        Assert.Equal([("val-slice-min", "Patient")], validator.Validate("""{ "resourceType": "Patient", "identifier": [ { "value": "a" } ] }""", Base + "ids").ErrorCodes());
    }

    [Fact]
    public void Profile_discriminators_sort_bundle_entries_by_the_profile_their_resource_meets()
    {
        var patient = Profile("named-patient", "Patient", """{ "id": "Patient.name", "path": "Patient.name", "min": 1 }""");
        var bundle = Profile("patient-bundle", "Bundle",
            """{ "id": "Bundle.entry", "path": "Bundle.entry", "slicing": { "discriminator": [ { "type": "profile", "path": "resource" } ], "rules": "open" } }""",
            """{ "id": "Bundle.entry:patient", "path": "Bundle.entry", "sliceName": "patient", "min": 1, "max": "1" }""",
            $$"""{ "id": "Bundle.entry:patient.resource", "path": "Bundle.entry.resource", "type": [ { "code": "Patient", "profile": [ "{{Base}}named-patient" ] } ] }""");
        var validator = Validator(null, null, patient, bundle);
        const string entry = """{ "fullUrl": "urn:uuid:0a0b0c0d-0e0f-4000-8000-0000000000AA", "resource": { "resourceType": "Patient" NAME } }""";
        string Bundle(params string[] names) => $$"""{ "resourceType": "Bundle", "type": "collection", "entry": [ {{string.Join(", ", names.Select((n, i) => entry.Replace("AA", $"{i:D2}").Replace("NAME", n)))}} ] }""";
        Assert.Empty(validator.Validate(Bundle(", \"name\": [ { \"family\": \"A\" } ]", ""), Base + "patient-bundle").Errors());
        Assert.Equal([("val-slice-min", "Bundle")], validator.Validate(Bundle(""), Base + "patient-bundle").ErrorCodes());
    }

    [Fact]
    public void Re_slices_count_within_their_slice()
    {
        var profile = Profile("resliced", "Observation",
            """{ "id": "Observation.category", "path": "Observation.category", "slicing": { "discriminator": [ { "type": "pattern", "path": "$this" } ], "rules": "open" } }""",
            """{ "id": "Observation.category:lab", "path": "Observation.category", "sliceName": "lab", "patternCodeableConcept": { "coding": [ { "code": "laboratory" } ] }, "slicing": { "discriminator": [ { "type": "pattern", "path": "$this" } ], "rules": "open" } }""",
            """{ "id": "Observation.category:lab/chem", "path": "Observation.category", "sliceName": "lab/chem", "min": 1, "max": "1", "patternCodeableConcept": { "coding": [ { "code": "laboratory" }, { "code": "chemistry" } ] } }""");
        var validator = Validator(definitions: profile);
        string Obs(string categories) => $$"""{ "resourceType": "Observation", "status": "final", "code": { "text": "x" }, "category": [ {{categories}} ] }""";
        Assert.Empty(validator.Validate(Obs("""{ "coding": [ { "code": "laboratory" }, { "code": "chemistry" } ] }"""), Base + "resliced").Errors());
        Assert.Equal([("val-slice-min", "Observation")], validator.Validate(Obs("""{ "coding": [ { "code": "laboratory" } ] }"""), Base + "resliced").ErrorCodes());
    }
}
