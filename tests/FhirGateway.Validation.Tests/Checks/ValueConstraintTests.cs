using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Checks;

/// <summary>fixed[x], pattern[x] and minValue/maxValue from profiles.</summary>
public sealed class ValueConstraintTests
{
    private const string Observation = """{ "resourceType": "Observation", "status": "final", "code": { "coding": [ CODINGS ] }, VALUE }""";

    private static string Obs(string codings, string value = "\"valueString\": \"x\"") => Observation.Replace("CODINGS", codings).Replace("VALUE", value);

    private static readonly string CodePattern = Profile("crp", "Observation",
        """{ "id": "Observation.code", "path": "Observation.code", "patternCodeableConcept": { "coding": [ { "system": "http://loinc.org", "code": "1988-5" } ] } }""");

    [Fact]
    public void A_codeable_concept_pattern_matches_a_concept_with_more_codings_and_displays()
    {
        var result = Validator(definitions: CodePattern).Validate(
            Obs("""{ "system": "http://snomed.info/sct", "code": "55235003" }, { "system": "http://loinc.org", "code": "1988-5", "display": "CRP" }"""), Base + "crp");
        Assert.Empty(result.Errors());
    }

    [Fact]
    public void Fails_when_no_coding_matches_the_pattern()
    {
        var result = Validator(definitions: CodePattern).Validate(Obs("""{ "system": "http://loinc.org", "code": "30522-7" }"""), Base + "crp");
        Assert.Equal([("val-pattern-mismatch", "Observation.code")], result.ErrorCodes());
        Assert.Contains("coding.code is '30522-7', expected '1988-5'", result.Errors()[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_value_must_be_equal_and_carry_nothing_else()
    {
        var profile = Profile("fixed-status", "Observation",
            """{ "id": "Observation.code.coding.system", "path": "Observation.code.coding.system", "fixedUri": "http://loinc.org" }""",
            """{ "id": "Observation.category", "path": "Observation.category", "fixedCodeableConcept": { "text": "lab" } }""");
        var validator = Validator(definitions: profile);
        Assert.Empty(validator.Validate(Obs("""{ "system": "http://loinc.org", "code": "1988-5" }"""), Base + "fixed-status").Errors());
        Assert.Equal([("val-fixed-mismatch", "Observation.code.coding[0].system")],
            validator.Validate(Obs("""{ "system": "http://example.org/codes", "code": "1988-5" }"""), Base + "fixed-status").ErrorCodes());
        var withCategory = Obs("""{ "system": "http://loinc.org", "code": "1988-5" }""").Replace("\"status\"", "\"category\": [ { \"text\": \"lab\", \"coding\": [ { \"code\": \"x\" } ] } ], \"status\"");
        Assert.Equal([("val-fixed-mismatch", "Observation.category[0]")], validator.Validate(withCategory, Base + "fixed-status").ErrorCodes());
    }

    [Fact]
    public void An_identifier_pattern_requires_only_the_system_it_names()
    {
        var profile = Profile("mrn", "Patient",
            """{ "id": "Patient.identifier", "path": "Patient.identifier", "min": 1, "patternIdentifier": { "system": "urn:oid:1.2.3" } }""");
        var validator = Validator(definitions: profile);
        Assert.Empty(validator.Validate("""{ "resourceType": "Patient", "identifier": [ { "system": "urn:oid:1.2.3", "value": "42", "use": "official" } ] }""", Base + "mrn").Errors());
        Assert.Equal([("val-pattern-mismatch", "Patient.identifier[0]")],
            validator.Validate("""{ "resourceType": "Patient", "identifier": [ { "system": "urn:oid:2.9", "value": "42" } ] }""", Base + "mrn").ErrorCodes());
    }

    [Fact]
    public void Compares_a_quantity_with_its_minimum_after_ucum_conversion()
    {
        var profile = Profile("weight", "Observation",
            """{ "id": "Observation.value[x]", "path": "Observation.value[x]", "type": [ { "code": "Quantity" } ], "minValueQuantity": { "value": 0, "system": "http://unitsofmeasure.org", "code": "kg" } }""");
        var validator = Validator(definitions: profile);
        const string value = """ "valueQuantity": { "value": VALUE, "system": "http://unitsofmeasure.org", "code": "g" } """;
        Assert.Empty(validator.Validate(Obs("""{ "code": "x" }""", value.Replace("VALUE", "500")), Base + "weight").Errors());
        var below = validator.Validate(Obs("""{ "code": "x" }""", value.Replace("VALUE", "-1")), Base + "weight");
        Assert.Equal([("val-min-value", "Observation.valueQuantity")], below.ErrorCodes());
    }

    [Fact]
    public void A_value_that_cannot_be_compared_with_the_bound_is_a_warning_not_an_error()
    {
        var profile = Profile("weight2", "Observation",
            """{ "id": "Observation.value[x]", "path": "Observation.value[x]", "type": [ { "code": "Quantity" } ], "maxValueQuantity": { "value": 10, "system": "http://unitsofmeasure.org", "code": "kg" } }""");
        var result = Validator(definitions: profile).Validate(
            Obs("""{ "code": "x" }""", """ "valueQuantity": { "value": 5, "system": "http://unitsofmeasure.org", "code": "m" } """), Base + "weight2");
        Assert.Empty(result.Errors());
        result.Single("val-value-not-comparable");
    }

    [Fact]
    public void Compares_dates_with_a_date_bound()
    {
        var profile = Profile("recent", "Patient", """{ "id": "Patient.birthDate", "path": "Patient.birthDate", "minValueDate": "1900-01-01" }""");
        var validator = Validator(definitions: profile);
        Assert.Empty(validator.Validate("""{ "resourceType": "Patient", "birthDate": "1950-05" }""", Base + "recent").Errors());
        Assert.Equal([("val-min-value", "Patient.birthDate")], validator.Validate("""{ "resourceType": "Patient", "birthDate": "1850-05-01" }""", Base + "recent").ErrorCodes());
    }

    [Fact]
    public void A_fixed_value_mismatch_names_the_child_that_differs_or_is_missing()
    {
        var profile = Profile("fixed-unit", "Observation", """{ "id": "Observation.value[x]", "path": "Observation.value[x]", "type": [ { "code": "Quantity" } ], "fixedQuantity": { "system": "http://unitsofmeasure.org", "code": "mg/L" } }""");
        var validator = Validator(definitions: profile);
        var otherCode = validator.Validate(Obs("""{ "code": "x" }""", """ "valueQuantity": { "system": "http://unitsofmeasure.org", "code": "g/L" } """), Base + "fixed-unit").Errors();
        Assert.Contains("code is 'g/L', expected 'mg/L'", Assert.Single(otherCode).Message, StringComparison.Ordinal);
        var noSystem = validator.Validate(Obs("""{ "code": "x" }""", """ "valueQuantity": { "code": "mg/L" } """), Base + "fixed-unit").Errors();
        Assert.Contains(noSystem, e => e.Code == "val-fixed-mismatch" && e.Message.Contains("system is missing", StringComparison.Ordinal));
        var more = validator.Validate(Obs("""{ "code": "x" }""", """ "valueQuantity": { "value": 3, "system": "http://unitsofmeasure.org", "code": "mg/L" } """), Base + "fixed-unit").Errors();
        Assert.Contains("value is not in the fixed value", Assert.Single(more).Message, StringComparison.Ordinal);
    }

    private static readonly ValidatorOptions OnFirstOfJune2026 = new()
    {
        BestPractice = BestPracticeHandling.Ignore,
        Time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)),
    };

    [Fact]
    public void A_minimum_duration_on_a_date_is_that_long_before_today()
    {
        var profile = Profile("lived", "Patient", """{ "id": "Patient.birthDate", "path": "Patient.birthDate", "minValueDuration": { "value": 100, "system": "http://unitsofmeasure.org", "code": "a" } }""");
        var validator = Validator(OnFirstOfJune2026, definitions: profile);
        Assert.Empty(validator.Validate("""{ "resourceType": "Patient", "birthDate": "1950-01-01" }""", Base + "lived").Errors());
        Assert.Equal([("val-min-value", "Patient.birthDate")], validator.Validate("""{ "resourceType": "Patient", "birthDate": "1920-01-01" }""", Base + "lived").ErrorCodes());
    }

    [Fact]
    public void A_maximum_duration_on_a_date_time_is_that_long_after_now()
    {
        var profile = Profile("soon", "Observation", """{ "id": "Observation.issued", "path": "Observation.issued", "maxValueDuration": { "value": 2, "system": "http://unitsofmeasure.org", "code": "d" } }""");
        var validator = Validator(OnFirstOfJune2026, definitions: profile);
        const string issued = """ "valueString": "x", "issued": "ISSUED" """;
        Assert.Empty(validator.Validate(Obs("""{ "code": "x" }""", issued.Replace("ISSUED", "2026-06-02T12:00:00Z")), Base + "soon").Errors());
        Assert.Equal([("val-max-value", "Observation.issued")],
            validator.Validate(Obs("""{ "code": "x" }""", issued.Replace("ISSUED", "2026-06-04T12:00:00Z")), Base + "soon").ErrorCodes());
    }
}
