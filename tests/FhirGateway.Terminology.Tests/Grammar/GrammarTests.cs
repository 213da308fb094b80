using FhirGateway.Terminology.Grammar;

namespace FhirGateway.Terminology.Tests.Grammar;

/// <summary>Grammar-based systems: BCP-47 tags, MIME types, LOINC and SNOMED CT identifier forms, URIs, time zones.</summary>
public sealed class GrammarTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("de-CH")]
    [InlineData("zh-Hant-TW")]
    [InlineData("sr-Latn-RS")]
    [InlineData("es-419")]
    [InlineData("gsw")]
    [InlineData("sl-rozaj-biske")]
    [InlineData("en-GB-oed")]
    [InlineData("x-clinic")]
    [InlineData("en-a-myext-x-private")]
    [InlineData("EN-us")]
    public void Well_formed_language_tags_are_valid(string tag) =>
        Assert.Equal(GrammarOutcome.Valid, LanguageTags.Instance.Check(tag).Outcome);

    [Theory]
    [InlineData("en_US", "'_'")]
    [InlineData("e", "2 to 8 letters")]
    [InlineData("en-", "RFC 5646")]
    [InlineData("en US", "no spaces")]
    [InlineData("123", "2 to 8 letters")]
    public void Malformed_language_tags_say_why(string tag, string why)
    {
        var verdict = LanguageTags.Instance.Check(tag);
        Assert.Equal(GrammarOutcome.Malformed, verdict.Outcome);
        Assert.Contains(why, verdict.Problem);
    }

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("application/fhir+json")]
    [InlineData("image/svg+xml")]
    [InlineData("text/plain; charset=UTF-8")]
    [InlineData("multipart/form-data; boundary=\"a b\"")]
    [InlineData("font/woff2")]
    public void Well_formed_mime_types_are_valid(string type) =>
        Assert.Equal(GrammarOutcome.Valid, MimeTypes.Instance.Check(type).Outcome);

    [Theory]
    [InlineData("pdf")]
    [InlineData("application")]
    [InlineData("application/")]
    [InlineData("doc/pdf")]
    [InlineData("[%payloadFormat%]")]
    public void Malformed_mime_types_are_invalid(string type) =>
        Assert.Equal(GrammarOutcome.Malformed, MimeTypes.Instance.Check(type).Outcome);

    [Fact]
    public void The_fhir_format_shorthand_is_undecided_not_invalid() =>
        Assert.Equal(GrammarOutcome.WellFormed, MimeTypes.Instance.Check("json").Outcome);

    [Theory]
    [InlineData("8310-5")]
    [InlineData("1988-5")]
    [InlineData("26881-3")]
    [InlineData("82953-1")]
    [InlineData("101281-4")]
    [InlineData("LA6724-4")]
    [InlineData("LA32-8")]
    [InlineData("LP43571-6")]
    public void Loinc_codes_with_the_right_form_pass(string code) => Assert.Null(LoincCodes.Problem(code));

    [Theory]
    [InlineData("99771-2", "99771-8")]
    [InlineData("82293-6", "82293-2")]
    [InlineData("57835-4", "57835-1")]
    public void Loinc_codes_with_a_wrong_check_digit_name_the_right_one(string code, string right) =>
        Assert.Contains(right, LoincCodes.Problem(code));

    [Theory]
    [InlineData("8310")]
    [InlineData("8310-55")]
    [InlineData("loinc")]
    public void Malformed_loinc_codes_fail(string code) => Assert.NotNull(LoincCodes.Problem(code));

    [Theory]
    [InlineData("86044005")]
    [InlineData("24700007")]
    [InlineData("426373005")]
    [InlineData("444932008")]
    [InlineData("1269349006")]
    [InlineData("47625008")]
    public void Snomed_ids_from_the_domain_pass_the_verhoeff_check(string id) => Assert.Null(SnomedIds.Problem(id));

    [Theory]
    [InlineData("86044006", "check digit")]
    [InlineData("12345", "6 to 18 digits")]
    [InlineData("086044005", "leading zero")]
    [InlineData("86044995", "partition")]
    public void Malformed_snomed_ids_fail(string id, string why) => Assert.Contains(why, SnomedIds.Problem(id));

    [Fact]
    public void Snomed_expressions_are_not_checked_as_ids() => Assert.True(SnomedIds.IsExpression("397956004 |Prosthetic arthroplasty of the hip| : 363704007 = 24136001"));

    [Fact]
    public void Uris_must_be_absolute()
    {
        Assert.Equal(GrammarOutcome.Valid, Uris.Instance.Check("urn:oid:1.2.3").Outcome);
        Assert.Equal(GrammarOutcome.Malformed, Uris.Instance.Check("RicardianContract").Outcome);
    }

    [Fact]
    public void Time_zone_names_have_the_area_location_form()
    {
        Assert.NotEqual(GrammarOutcome.Malformed, TimeZones.Instance.Check("Europe/Amsterdam").Outcome);
        Assert.Equal(GrammarOutcome.Malformed, TimeZones.Instance.Check("GMT +1").Outcome);
    }
}
