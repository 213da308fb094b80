using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Checks;

/// <summary>The lexical rules of the primitive types, from their definitions, and what the regexes cannot say.</summary>
public sealed class PrimitiveValueTests
{
    private static ValidationResult Patient(string properties) => Validator().Validate($$"""{ "resourceType": "Patient", {{properties}} }""");

    [Theory]
    [InlineData("\"birthDate\": \"1970-13-01\"", "Patient.birthDate")]
    [InlineData("\"birthDate\": \"not a date\"", "Patient.birthDate")]
    [InlineData("\"deceasedDateTime\": \"2020-01-01T10:00:00\"", "Patient.deceasedDateTime")]
    [InlineData("\"gender\": \"fe  male\"", "Patient.gender")]
    public void Fails_when_the_value_does_not_match_the_type_regex(string property, string location) =>
        Assert.Contains(Patient(property).Errors(), e => e.Code == "val-primitive-lexical" && e.Expression == location);

    [Fact]
    public void Fails_for_a_date_that_is_not_in_the_calendar()
    {
        var issue = Assert.Single(Patient("\"birthDate\": \"2023-02-30\"").Errors());
        Assert.Equal(("val-date-invalid", "Patient.birthDate"), (issue.Code, issue.Expression));
    }

    [Fact]
    public void Fails_for_an_integer_outside_32_bits_and_a_negative_positive_int()
    {
        var result = Validator().Validate("""
            { "resourceType": "Patient", "multipleBirthInteger": 2147483648,
              "photo": [ { "size": -1 } ] }
            """);
        Assert.Contains(result.Errors(), e => e.Code == "val-integer-range" && e.Expression == "Patient.multipleBirthInteger");
        Assert.Contains(result.Errors(), e => e.Code is "val-primitive-lexical" or "val-integer-range" && e.Expression == "Patient.photo[0].size");
    }

    [Fact]
    public void Accepts_a_no_break_space_in_a_string_as_xml_schema_whitespace_rules_say()
    {
        Assert.Empty(Patient("\"name\": [ { \"text\": \"Dr.\u00A0Who\" } ]").Errors());
    }

    [Fact]
    public void Fails_when_a_string_exceeds_the_profile_max_length()
    {
        var profile = Profile("short-name", "Patient", """{ "id": "Patient.name.family", "path": "Patient.name.family", "maxLength": 3 }""");
        var result = Validator(definitions: profile).Validate("""{ "resourceType": "Patient", "name": [ { "family": "Longer" } ] }""", Base + "short-name");
        Assert.Equal([("val-max-length", "Patient.name[0].family")], result.ErrorCodes());
    }

    [Fact]
    public void Fails_for_a_resource_id_that_is_not_an_id_saying_why()
    {
        var badCharacter = Patient("\"id\": \"bad_id\"").Errors();
        Assert.Equal([("val-primitive-lexical", "Patient.id")], badCharacter.Select(i => (i.Code, i.Expression)));
        Assert.Contains("not '_'", badCharacter[0].Message, StringComparison.Ordinal);
        var tooLong = Patient($"\"id\": \"{new string('a', 65)}\"").Errors();
        Assert.Equal([("val-primitive-lexical", "Patient.id")], tooLong.Select(i => (i.Code, i.Expression)));
        Assert.Contains("at most 64 characters, this one has 65", tooLong[0].Message, StringComparison.Ordinal);
        Assert.Empty(Patient("\"id\": \"good-id.1\"").Errors());
    }

    [Fact]
    public void Says_that_a_dateTime_with_a_time_lacks_its_zone()
    {
        var errors = Patient("\"deceasedDateTime\": \"2020-01-01T10:00:00\"").Errors();
        Assert.Equal([("val-primitive-lexical", "Patient.deceasedDateTime")], errors.Select(i => (i.Code, i.Expression)));
        Assert.Contains("time zone", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_html_in_strings_only_with_security_checks_on()
    {
        const string json = """{ "resourceType": "Patient", "name": [ { "text": "<script>alert(1)</script>" } ] }""";
        Assert.Empty(Validator().Validate(json).Errors());
        Assert.Equal([("val-html-in-string", "Patient.name[0].text")], Validator(new ValidatorOptions { SecurityChecks = true }).Validate(json).ErrorCodes());
    }
}
