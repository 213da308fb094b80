using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Fhir.Tests.Support;
using static FhirGateway.Fhir.Tests.Serialization.Json.JsonTestSupport;

namespace FhirGateway.Fhir.Tests.Serialization.Json;

public sealed class JsonWriterTests
{
    [Fact]
    public void Writes_resource_type_first_and_properties_in_definition_order()
    {
        var root = ParseClean("""{"name":[{"given":["A"],"family":"F"}],"active":true,"resourceType":"Patient","id":"p1"}""");
        Assert.Equal("""{"resourceType":"Patient","id":"p1","active":true,"name":[{"family":"F","given":["A"]}]}""",
            FhirJsonWriter.ToJson(root, pretty: false));
    }

    [Fact]
    public void Writes_companions_with_null_placeholders_after_their_values()
    {
        const string json = """{"resourceType":"Patient","name":[{"given":["A",null,"C"],"_given":[null,{"extension":[{"url":"u","valueString":"x"}]},{"id":"g3"}]}],"active":true,"_active":{"id":"a"}}""";
        var written = FhirJsonWriter.ToJson(ParseClean(json), pretty: false);
        Assert.Equal("""{"resourceType":"Patient","active":true,"_active":{"id":"a"},"name":[{"given":["A",null,"C"],"_given":[null,{"extension":[{"url":"u","valueString":"x"}]},{"id":"g3"}]}]}""", written);
    }

    [Fact]
    public void Writes_only_the_companion_when_a_primitive_has_no_value()
    {
        var root = ParseClean("""{"resourceType":"Patient","_active":{"id":"a"}}""");
        Assert.Equal("""{"resourceType":"Patient","_active":{"id":"a"}}""", FhirJsonWriter.ToJson(root, pretty: false));
    }

    [Fact]
    public void Writes_contained_and_entry_resources_with_their_resource_type()
    {
        const string json = """{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Patient","contained":[{"resourceType":"Organization","name":"O"}]}}]}""";
        Assert.Equal(json, FhirJsonWriter.ToJson(ParseClean(json), pretty: false));
    }

    [Fact]
    public void Pretty_output_indents_by_two_spaces_and_keeps_text_unescaped()
    {
        var root = ParseClean("""{"resourceType":"Patient","text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">Zoë &amp; co</div>"}}""");
        var expected = """
            {
              "resourceType": "Patient",
              "text": {
                "status": "generated",
                "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">Zoë &amp; co</div>"
              }
            }
            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), FhirJsonWriter.ToJson(root).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Round_trips_choice_types_decimals_and_whitespace_exactly()
    {
        const string json = """
            {"resourceType":"Observation","status":" final ","valueQuantity":{"value":0.00000000000000000001,"unit":"mg"},
             "component":[{"valueInteger":123456789012345678901234567890},{"valueQuantity":{"value":1.50}}]}
            """;
        var written = FhirJsonWriter.ToUtf8Bytes(ParseClean(json));
        Assert.Null(JsonStructuralDiff.FirstDifference(System.Text.Encoding.UTF8.GetBytes(json), written));
    }

    [Fact]
    public void Structural_diff_reports_the_first_differing_path()
    {
        static string? Diff(string a, string b) => JsonStructuralDiff.FirstDifference(System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));
        Assert.Null(Diff("""{"a":1.50,"b":["x"]}""", """{"b":["x"],"a":1.50}"""));
        Assert.Equal("$.a: expected 1.50, got 1.5", Diff("""{"a":1.50}""", """{"a":1.5}"""));
        Assert.Equal("$.b[0]: expected \"x\", got \"y\"", Diff("""{"b":["x"]}""", """{"b":["y"]}"""));
        Assert.Equal("$.c: unexpected", Diff("""{"b":1}""", """{"b":1,"c":2}"""));
        Assert.Equal("$.b: missing", Diff("""{"b":1}""", """{"c":1}"""));
    }
}
