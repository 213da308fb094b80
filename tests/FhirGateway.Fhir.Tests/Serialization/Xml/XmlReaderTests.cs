using System.Text;
using static FhirGateway.Fhir.Tests.Serialization.Xml.XmlTestSupport;

namespace FhirGateway.Fhir.Tests.Serialization.Xml;

/// <summary>The XML reader builds the tree the JSON reader builds for the same resource.</summary>
public sealed class XmlReaderTests
{
    private static void AssertSameTree(string json, string xml)
    {
        var fromJson = JsonParser.Parse(json, "t.json");
        Assert.Empty(fromJson.Issues);
        Assert.Null(FirstDifference(fromJson.Root!, ParseClean(xml)));
    }

    [Fact]
    public void Primitive_values_keep_their_lexical_form()
    {
        var root = ParseClean(Resource("Observation",
            "<status value=\"final\"/><code><text value=\" x \"/></code><valueQuantity><value value=\"1.50\"/><unit value=\"mg\"/></valueQuantity>"));
        var value = root.Child("value")!;
        Assert.Equal(("value", "valueQuantity", "Quantity"), (value.Name, value.JsonName, value.InstanceType));
        Assert.Equal("1.50", value.Child("value")!.Text);
        Assert.Equal(" x ", root.Child("code")!.Child("text")!.Text);
    }

    [Fact]
    public void Id_attribute_and_extensions_of_a_primitive_make_the_tree_of_the_json_companion()
    {
        AssertSameTree(
            """{"resourceType":"Patient","name":[{"id":"n1","given":["Peter",null],"_given":[{"id":"g1"},{"extension":[{"url":"http://x.org/e","valueString":"v"}]}]}]}""",
            Resource("Patient", "<name id=\"n1\"><given id=\"g1\" value=\"Peter\"/><given><extension url=\"http://x.org/e\"><valueString value=\"v\"/></extension></given></name>"));
    }

    [Fact]
    public void Contained_and_bundle_entry_resources_are_resource_nodes_at_their_container()
    {
        var root = ParseClean(Resource("Bundle",
            "<type value=\"collection\"/><entry><fullUrl value=\"urn:uuid:1\"/><resource><Patient><id value=\"a\"/>" +
            "<contained><Organization><id value=\"o\"/></Organization></contained><active value=\"true\"/></Patient></resource></entry>"));
        var patient = root.Child("entry")!.Child("resource")!;
        Assert.Equal(("resource", "Patient", true), (patient.Name, patient.InstanceType, patient.IsResource));
        Assert.Equal("Bundle.entry[0].resource.contained[0]", patient.Child("contained")!.Location);
        Assert.Equal("Organization", patient.Child("contained")!.InstanceType);
        AssertSameTree(
            """{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:1","resource":{"resourceType":"Patient","id":"a","contained":[{"resourceType":"Organization","id":"o"}],"active":true}}]}""",
            Resource("Bundle", "<type value=\"collection\"/><entry><fullUrl value=\"urn:uuid:1\"/><resource><Patient><id value=\"a\"/>" +
                "<contained><Organization><id value=\"o\"/></Organization></contained><active value=\"true\"/></Patient></resource></entry>"));
    }

    [Fact]
    public void The_narrative_div_is_its_xhtml_exactly_as_written()
    {
        const string div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">a &amp; <b title='x>y'>b</b>\r\n  &#160;<br/></div>";
        var root = ParseClean(Resource("Patient", $"<text><status value=\"generated\"/>{div}</text>"));
        Assert.Equal(div, root.Child("text")!.Child("div")!.Text);
    }

    [Fact]
    public void A_div_whose_namespace_is_declared_further_out_is_written_out_with_it()
    {
        var root = ParseClean("<f:Patient xmlns:f=\"http://hl7.org/fhir\" xmlns=\"http://www.w3.org/1999/xhtml\"><f:text><f:status value=\"generated\"/><div><p>x</p></div></f:text></f:Patient>");
        Assert.Equal("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>x</p></div>", root.Child("text")!.Child("div")!.Text);
    }

    [Fact]
    public void Repeating_elements_are_indexed_and_single_ones_are_not()
    {
        var root = ParseClean(Resource("Patient", "<name><given value=\"a\"/><given value=\"b\"/></name><gender value=\"male\"/>"));
        var given = root.Child("name")!.ChildrenWithName("given");
        Assert.Equal(["Patient.name[0].given[0]", "Patient.name[0].given[1]"], given.Select(g => g.Location));
        Assert.False(root.Child("gender")!.InArray);
    }

    [Fact]
    public void Nodes_know_their_line_and_column()
    {
        var root = ParseClean("<Patient xmlns=\"http://hl7.org/fhir\">\n  <name id=\"n\">\n\t<family value=\"X\"/></name>\n</Patient>");
        Assert.Equal((1, 1), root.LineColumn);
        var name = root.Child("name")!;
        Assert.Equal((2, 3), name.LineColumn);
        Assert.Equal((2, 9), name.Child("id")!.LineColumn);
        Assert.Equal((3, 2), name.Child("family")!.LineColumn);
    }

    [Fact]
    public void Comments_processing_instructions_and_the_declaration_are_not_content()
    {
        AssertSameTree("""{"resourceType":"Patient","active":true}""",
            "<?xml version=\"1.0\"?>\n<!-- c --><Patient xmlns=\"http://hl7.org/fhir\"><?pi x?><!-- c --><active value=\"true\"/></Patient>\n<!-- after -->");
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16")]
    [InlineData("iso-8859-1")]
    public void Bytes_are_decoded_as_their_byte_order_mark_or_declaration_says(string encoding)
    {
        var xml = "<?xml version=\"1.0\" encoding=\"" + (encoding == "utf-8-bom" ? "UTF-8" : encoding) + "\"?><Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"Müller\"/></name></Patient>";
        var bytes = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(xml)],
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)],
            _ => Encoding.Latin1.GetBytes(xml),
        };
        var result = Parser.Parse(bytes, "t.xml");
        Assert.Empty(result.Issues);
        Assert.Equal("Müller", result.Root!.Child("name")!.Child("family")!.Text);
    }
}
