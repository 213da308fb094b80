using FhirGateway.Fhir.Serialization.Json;
using static FhirGateway.Fhir.Tests.Serialization.Json.JsonTestSupport;

namespace FhirGateway.Fhir.Tests.Serialization.Json;

public sealed class JsonReaderTests
{
    [Theory]
    [InlineData("1.50")]
    [InlineData("0.00000000000000000001")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("-0.0")]
    [InlineData("1e-7")]
    public void Keeps_decimals_in_their_exact_lexical_form(string number)
    {
        var root = ParseClean($$$"""{"resourceType":"Observation","valueQuantity":{"value":{{{number}}}}}""");
        var value = At(root, "valueQuantity", "value");
        Assert.Equal(number, value.Text);
        Assert.Equal("decimal", value.InstanceType);
        Assert.Contains($"\"value\":{number}", Writer.ToJson(root, pretty: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_big_integers_and_booleans_as_written()
    {
        var root = ParseClean("""{"resourceType":"Patient","active":false,"extension":[{"url":"u","valueInteger":123456789012345678901234567890}]}""");
        Assert.Equal("false", At(root, "active").Text);
        Assert.Equal("123456789012345678901234567890", At(root, "extension", "valueInteger").Text);
    }

    [Fact]
    public void Resolves_a_choice_type_from_the_property_suffix()
    {
        var root = ParseClean("""{"resourceType":"Observation","valueQuantity":{"value":1,"unit":"mg"}}""");
        var value = At(root, "valueQuantity");
        Assert.Equal("value", value.Name);
        Assert.Equal("valueQuantity", value.JsonName);
        Assert.Equal("Quantity", value.InstanceType);
        Assert.Equal("Quantity", value.Type?.Name);
        Assert.Equal("Observation.value[x]", value.Property?.Path);
        Assert.Equal("Observation.value[x]", value.Definition?.Path);
        Assert.Equal("mg", At(value, "unit").Text);
    }

    [Fact]
    public void Gives_backbone_elements_indexed_locations_and_line_columns()
    {
        var json = """
            {
              "resourceType": "Observation",
              "component": [
                { "valueString": "a" },
                {
                  "valueQuantity": { "value": 2 }
                }
              ]
            }
            """;
        var root = ParseClean(json);
        var second = At(root, "component[1]");
        Assert.Equal("BackboneElement", second.InstanceType);
        Assert.Equal("Observation.component", second.Type?.Name);
        var quantity = At(second, "valueQuantity");
        Assert.Equal("Observation.component[1].valueQuantity", quantity.Location);
        Assert.Equal((6, 7), quantity.LineColumn);
        Assert.Equal((5, 5), second.LineColumn);
        Assert.Equal("Observation.component[1].valueQuantity.value", At(quantity, "value").Location);
        Assert.Equal("t.json", root.Document?.Origin);
    }

    [Fact]
    public void Merges_companion_arrays_with_null_placeholders_whichever_comes_first()
    {
        foreach (var json in new[]
        {
            """{"resourceType":"Patient","name":[{"given":["A",null,"C"],"_given":[null,{"extension":[{"url":"u","valueString":"x"}]},{"id":"g3"}]}]}""",
            """{"resourceType":"Patient","name":[{"_given":[null,{"extension":[{"url":"u","valueString":"x"}]},{"id":"g3"}],"family":"F","given":["A",null,"C"]}]}""",
        })
        {
            var name = At(ParseClean(json), "name");
            var given = name.Children.Where(c => c.JsonName == "given").ToList();
            Assert.Equal(3, given.Count);
            Assert.Equal(["A", null, "C"], given.Select(g => g.Text));
            Assert.Empty(given[0].Children);
            Assert.Equal("x", At(given[1], "extension", "valueString").Text);
            Assert.Equal("g3", At(given[2], "id").Text);
            Assert.Equal("Patient.name[0].given[1]", given[1].Location);
            Assert.Equal(2, given[2].Index);
        }
    }

    [Fact]
    public void Merges_a_single_primitive_with_its_companion_in_either_order()
    {
        var after = ParseClean("""{"resourceType":"Patient","active":true,"_active":{"id":"a1"}}""");
        var before = ParseClean("""{"resourceType":"Patient","_active":{"id":"a1"},"active":true}""");
        foreach (var root in new[] { after, before })
        {
            var active = Assert.Single(root.Children);
            Assert.Equal("true", active.Text);
            Assert.Equal("a1", At(active, "id").Text);
        }
        var onlyExtension = ParseClean("""{"resourceType":"Patient","_active":{"extension":[{"url":"u","valueBoolean":true}]}}""");
        Assert.Null(At(onlyExtension, "active").Text);
    }

    [Fact]
    public void Reads_contained_resources_as_resources_typed_by_their_resourceType()
    {
        var root = ParseClean("""
            {"resourceType":"Patient","contained":[{"name":"Acme","resourceType":"Organization","id":"o1"},{"resourceType":"Patient","active":true}]}
            """);
        var org = At(root, "contained[0]");
        Assert.True(org.IsResource);
        Assert.Equal("contained", org.Name);
        Assert.Equal("Organization", org.InstanceType);
        Assert.Equal("Patient.contained[0]", org.Location);
        Assert.Equal("Patient.contained[0].name", At(org, "name").Location);
        Assert.Same(org, At(org, "name").ResourceRoot);
        Assert.Equal("Patient", At(root, "contained[1]").InstanceType);
    }

    [Fact]
    public void Reads_bundle_entry_resources()
    {
        var root = ParseClean("""
            {"resourceType":"Bundle","type":"searchset","entry":[
              {"fullUrl":"urn:a","resource":{"resourceType":"Patient","id":"p"}},
              {"fullUrl":"urn:b","resource":{"resourceType":"Observation","valueBoolean":false}}]}
            """);
        var obs = At(root, "entry[1]", "resource");
        Assert.Equal("Observation", obs.InstanceType);
        Assert.True(obs.IsResource);
        Assert.Equal("Bundle.entry[1].resource.valueBoolean", At(obs, "valueBoolean").Location);
        Assert.Equal("boolean", At(obs, "valueBoolean").InstanceType);
    }

    [Fact]
    public void Keeps_narrative_xhtml_and_attribute_values_as_plain_strings()
    {
        var root = ParseClean("""
            {"resourceType":"Patient","text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hi &amp; bye</p></div>"},
             "name":[{"id":"n1","family":"  Spaced  "}],"extension":[{"url":"http://x/y","valueString":"v"}]}
            """);
        Assert.Equal("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hi &amp; bye</p></div>", At(root, "text", "div").Text);
        Assert.Equal("n1", At(root, "name", "id").Text);
        Assert.Equal("  Spaced  ", At(root, "name", "family").Text);
        var url = At(root, "extension", "url");
        Assert.Equal("http://x/y", url.Text);
        Assert.True(url.Property?.IsXmlAttribute);
    }

    [Fact]
    public void Reads_escaped_property_names_and_a_byte_order_mark()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes("""{"resourceType":"Patient","\u0061ctive":true}""")).ToArray();
        var result = Parser.Parse(bytes);
        Assert.Empty(result.Issues);
        Assert.Equal("true", At(result.Root!, "active").Text);
    }

    [Fact]
    public void Resolves_line_and_column_in_characters_after_non_ascii_text()
    {
        var root = ParseClean("{\"resourceType\":\"Patient\",\n\"name\":[{\"family\":\"Zoë\",\"given\":[\"Ånna\"]}]}");
        var given = At(root, "name", "given");
        Assert.Equal((2, 34), given.LineColumn);
    }

    [Fact]
    public void A_parse_cut_short_by_a_syntax_error_leaves_the_next_parse_on_the_thread_intact()
    {
        var broken = Parse("""{"resourceType":"Patient","name":[{"given":["A","B"],"_given":[{"id":"x"}""");
        Assert.Contains(broken.Issues, i => i.Code == "json-malformed");
        var root = ParseClean("""{"resourceType":"Patient","name":[{"given":["C"]},{"given":["D","E"]}]}""");
        Assert.Equal(["C", "D", "E"], root.Children.SelectMany(n => n.Children).Select(g => g.Text));
        Assert.Equal("Patient.name[1].given[1]", At(root, "name[1]", "given[1]").Location);
    }
}
