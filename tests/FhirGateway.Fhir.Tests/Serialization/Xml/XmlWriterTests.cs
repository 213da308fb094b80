using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using static FhirGateway.Fhir.Tests.Serialization.Xml.XmlTestSupport;

namespace FhirGateway.Fhir.Tests.Serialization.Xml;

/// <summary>The XML writer follows FHIR XML: definition order, value/id/url attributes, resource wrappers, the div as XHTML; what XML cannot carry is reported.</summary>
public sealed class XmlWriterTests
{
    private static ElementNode FromJson(string json) => JsonParser.Parse(json, "t.json").Root!;

    [Fact]
    public void Writes_elements_in_definition_order_with_values_and_ids_as_attributes()
    {
        var xml = Writer.ToXml(FromJson("""{"resourceType":"Patient","gender":"male","name":[{"id":"n","family":"X"}],"id":"p","active":true}"""), pretty: false);
        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Patient xmlns=\"http://hl7.org/fhir\"><id value=\"p\"/><active value=\"true\"/>" +
            "<name id=\"n\"><family value=\"X\"/></name><gender value=\"male\"/></Patient>", xml);
    }

    [Fact]
    public void Writes_primitive_extensions_inside_the_primitive_and_extension_urls_as_attributes()
    {
        var xml = Writer.ToXml(FromJson("""{"resourceType":"Patient","birthDate":"1970","_birthDate":{"extension":[{"url":"http://x.org/t","valueTime":"10:00:00"}]}}"""), pretty: false);
        Assert.Contains("<birthDate value=\"1970\"><extension url=\"http://x.org/t\"><valueTime value=\"10:00:00\"/></extension></birthDate>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Wraps_contained_resources_in_their_container_element()
    {
        var xml = Writer.ToXml(FromJson("""{"resourceType":"Patient","contained":[{"resourceType":"Organization","id":"o"}],"managingOrganization":{"reference":"#o"}}"""), pretty: false);
        Assert.Contains("<contained><Organization><id value=\"o\"/></Organization></contained>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Escapes_attribute_values_so_they_read_back_exactly()
    {
        const string value = "a & <b> \"c\"\n\td\r";
        var root = FromJson($$"""{"resourceType":"Patient","name":[{"text":{{System.Text.Json.JsonSerializer.Serialize(value)}}}]}""");
        var xml = Writer.ToXml(root);
        Assert.Contains("&amp; &lt;b&gt; &quot;c&quot;&#xA;&#x9;d&#xD;", xml, StringComparison.Ordinal);
        Assert.Equal(value, ParseClean(xml).Child("name")!.Child("text")!.Text);
    }

    [Fact]
    public void A_character_xml_cannot_carry_is_reported_and_replaced()
    {
        var issues = new List<Issue>();
        var xml = Writer.ToXml(FromJson("""{"resourceType":"Patient","name":[{"text":"a\u0001b"}]}"""), pretty: false, issues);
        Assert.Equal("Patient.name[0].text", Assert.Single(issues, i => i.Definition == IssueCatalogue.XmlWriteInvalidCharacter).Expression);
        Assert.Contains("value=\"a\uFFFDb\"", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_narrative_that_is_not_well_formed_is_reported_and_written_as_text()
    {
        var issues = new List<Issue>();
        var xml = Writer.ToXml(FromJson("""{"resourceType":"Patient","text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">a<br></div>"}}"""), pretty: false, issues);
        Assert.Single(issues, i => i.Definition == IssueCatalogue.XmlWriteInvalidXhtml);
        Assert.Contains("<div xmlns=\"http://www.w3.org/1999/xhtml\">&lt;div", xml, StringComparison.Ordinal);
        Assert.Empty(Parse(xml).Issues);
    }
}
