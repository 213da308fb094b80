using FhirGateway.Fhir.Issues;
using static FhirGateway.Fhir.Tests.Serialization.Json.JsonTestSupport;

namespace FhirGateway.Fhir.Tests.Serialization.Json;

public sealed class JsonReaderIssueTests
{
    private static void AssertIssue(Issue issue, IssueDefinition expected, string? location, int line, int column)
    {
        Assert.Equal(expected.Id, issue.Code);
        Assert.Equal(location, issue.Expression);
        Assert.Equal((line, column), (issue.Line, issue.Column));
        Assert.Equal("t.json", issue.Origin);
    }

    [Fact]
    public void Reports_unknown_property_with_its_location_and_keeps_reading()
    {
        var result = Parse("""
            {"resourceType":"Patient",
              "name":[{"family":"F","nickname":"x"}],
              "active":true}
            """);
        AssertIssue(Assert.Single(result.Issues), IssueCatalogue.JsonUnknownProperty, "Patient.name[0].nickname", 2, 25);
        Assert.Equal("true", JsonTestSupport.At(result.Root!, "active").Text);
        Assert.Equal("F", JsonTestSupport.At(result.Root!, "name", "family").Text);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","active":"true"}""", "Patient.active", 27)]
    [InlineData("""{"resourceType":"Patient","active":{"x":1}}""", "Patient.active", 27)]
    [InlineData("""{"resourceType":"Patient","id":5}""", "Patient.id", 27)]
    [InlineData("""{"resourceType":"Observation","valueQuantity":{"value":"1.5"}}""", "Observation.valueQuantity.value", 48)]
    [InlineData("""{"resourceType":"Patient","name":[{"given":[true]}]}""", "Patient.name[0].given[0]", 45)]
    public void Reports_a_value_of_the_wrong_json_kind(string json, string location, int column) =>
        AssertIssue(SingleIssue(json), IssueCatalogue.JsonWrongValueKind, location, 1, column);

    [Fact]
    public void Reports_a_primitive_where_an_object_is_expected() =>
        AssertIssue(SingleIssue("""{"resourceType":"Patient","text":"x"}"""), IssueCatalogue.JsonExpectedObject, "Patient.text", 1, 27);

    [Fact]
    public void Reports_an_array_for_a_single_valued_property() =>
        AssertIssue(SingleIssue("""{"resourceType":"Patient","active":[true]}"""), IssueCatalogue.JsonUnexpectedArray, "Patient.active", 1, 27);

    [Fact]
    public void Reports_a_single_value_for_a_repeating_property() =>
        AssertIssue(SingleIssue("""{"resourceType":"Patient","name":{"family":"F"}}"""), IssueCatalogue.JsonExpectedArray, "Patient.name", 1, 27);

    [Fact]
    public void Reports_empty_objects_arrays_and_strings()
    {
        AssertIssue(SingleIssue("""{"resourceType":"Patient","text":{}}"""), IssueCatalogue.JsonEmptyObject, "Patient.text", 1, 27);
        AssertIssue(SingleIssue("""{"resourceType":"Patient","name":[]}"""), IssueCatalogue.JsonEmptyArray, "Patient.name", 1, 27);
        AssertIssue(SingleIssue("""{"resourceType":"Patient","id":""}"""), IssueCatalogue.JsonEmptyString, "Patient.id", 1, 27);
        AssertIssue(SingleIssue("""{"resourceType":"Patient","name":[{"given":["a",""]}]}"""), IssueCatalogue.JsonEmptyString, "Patient.name[0].given[1]", 1, 49);
    }

    [Fact]
    public void Reports_a_duplicate_property_and_keeps_the_first_value()
    {
        var result = Parse("""{"resourceType":"Patient","active":true,"active":false}""");
        AssertIssue(Assert.Single(result.Issues), IssueCatalogue.JsonDuplicateProperty, "Patient.active", 1, 41);
        Assert.Equal("true", Assert.Single(result.Root!.Children).Text);
    }

    [Fact]
    public void Reports_two_types_for_one_choice_element() =>
        AssertIssue(SingleIssue("""{"resourceType":"Patient","deceasedBoolean":true,"deceasedDateTime":"2020"}"""),
            IssueCatalogue.JsonChoiceConflict, "Patient.deceasedDateTime", 1, 50);

    [Fact]
    public void Reports_null_outside_a_primitive_array_pair()
    {
        AssertIssue(SingleIssue("""{"resourceType":"Patient","active":null}"""), IssueCatalogue.JsonNullValue, "Patient.active", 1, 27);
        AssertIssue(SingleIssue("""{"resourceType":"Patient","name":[null]}"""), IssueCatalogue.JsonNullValue, "Patient.name[0]", 1, 35);
        AssertIssue(SingleIssue("""{"resourceType":"Patient","_active":null}"""), IssueCatalogue.JsonNullValue, "Patient._active", 1, 27);
    }

    [Fact]
    public void Reports_a_null_placeholder_that_the_other_array_does_not_fill()
    {
        AssertIssue(SingleIssue("""{"resourceType":"Patient","name":[{"given":["a",null]}]}"""), IssueCatalogue.JsonUnmatchedNull, "Patient.name[0].given[1]", 1, 49);
        var both = Parse("""{"resourceType":"Patient","name":[{"given":["a",null],"_given":[{"id":"x"},null]}]}""");
        AssertIssue(Assert.Single(both.Issues), IssueCatalogue.JsonNullInBoth, "Patient.name[0].given[1]", 1, 49);
        Assert.Single(JsonTestSupport.At(both.Root!, "name").Children);
    }

    [Fact]
    public void Reports_companion_arrays_of_different_length()
    {
        var result = Parse("""{"resourceType":"Patient","name":[{"given":["a","b"],"_given":[{"id":"x"}]}]}""");
        AssertIssue(Assert.Single(result.Issues), IssueCatalogue.JsonCompanionLengthMismatch, "Patient.name[0].given", 1, 45);
        Assert.Equal(2, JsonTestSupport.At(result.Root!, "name").Children.Count);
    }

    [Fact]
    public void Reports_a_companion_on_a_complex_element_or_an_attribute()
    {
        AssertIssue(SingleIssue("""{"resourceType":"Patient","_text":{"id":"x"}}"""), IssueCatalogue.JsonCompanionNotAllowed, "Patient._text", 1, 27);
        AssertIssue(SingleIssue("""{"resourceType":"Patient","extension":[{"url":"u","_url":{"id":"x"},"valueString":"s"}]}"""),
            IssueCatalogue.JsonCompanionNotAllowed, "Patient.extension[0]._url", 1, 51);
    }

    [Fact]
    public void Reports_a_missing_resource_type_at_the_root_and_in_a_container()
    {
        var root = Parse("""{"id":"x"}""");
        AssertIssue(Assert.Single(root.Issues), IssueCatalogue.JsonMissingResourceType, null, 1, 1);
        Assert.Null(root.Root);
        AssertIssue(SingleIssue("""{"resourceType":"Patient","contained":[{"id":"x"}]}"""), IssueCatalogue.JsonMissingResourceType, "Patient.contained[0]", 1, 40);
    }

    [Theory]
    [InlineData("Foo")]
    [InlineData("DomainResource")]
    [InlineData("HumanName")]
    public void Reports_an_unknown_or_abstract_resource_type(string type) =>
        AssertIssue(SingleIssue($$"""{"resourceType":"{{type}}"}"""), IssueCatalogue.JsonUnknownResourceType, null, 1, 2);

    [Fact]
    public void Reports_resource_type_on_a_non_resource() =>
        AssertIssue(SingleIssue("""{"resourceType":"Patient","name":[{"resourceType":"HumanName","family":"F"}]}"""),
            IssueCatalogue.JsonResourceTypeNotAllowed, "Patient.name[0].resourceType", 1, 36);

    [Fact]
    public void Reports_malformed_json_as_fatal_with_its_position_and_keeps_what_was_read()
    {
        var result = Parse("{\"resourceType\":\"Patient\",\n\"active\":true,\n\"name\":[{\"family\":\"F\"},{\"family\" \"G\"}]}");
        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCatalogue.JsonMalformed.Id, issue.Code);
        Assert.Equal(IssueSeverity.Fatal, issue.Severity);
        Assert.Equal((3, 34), (issue.Line, issue.Column));
        Assert.Equal("Patient.name[1]", issue.Expression);
        Assert.Equal("true", JsonTestSupport.At(result.Root!, "active").Text);
        Assert.Equal("F", JsonTestSupport.At(result.Root!, "name", "family").Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"resourceType\":\"Patient\"} x")]
    [InlineData("{\"resourceType\":\"Patient\", }")]
    [InlineData("{\"resourceType\":\"Patient\" // c\n}")]
    public void Reports_text_that_is_not_json_as_malformed(string json) =>
        Assert.Equal(IssueCatalogue.JsonMalformed.Id, SingleIssue(json).Code);

    [Fact]
    public void Reports_a_root_that_is_not_an_object() =>
        AssertIssue(SingleIssue("[1]"), IssueCatalogue.JsonRootNotObject, null, 1, 1);

    [Fact]
    public void Reports_a_string_with_a_lone_surrogate_escape_and_keeps_reading()
    {
        var result = Parse("""{"resourceType":"Patient","id":"a\uD800b","active":true}""");
        AssertIssue(Assert.Single(result.Issues), IssueCatalogue.JsonInvalidString, "Patient.id", 1, 27);
        Assert.Equal("true", JsonTestSupport.At(result.Root!, "active").Text);
    }

    [Fact]
    public void Reports_a_second_resource_type_as_a_duplicate_property() =>
        AssertIssue(SingleIssue("""{"resourceType":"Patient","active":true,"resourceType":"Patient"}"""),
            IssueCatalogue.JsonDuplicateProperty, "Patient.resourceType", 1, 41);
}
