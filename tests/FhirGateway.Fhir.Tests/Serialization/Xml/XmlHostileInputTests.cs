using System.Text;
using FhirGateway.Fhir.Issues;
using static FhirGateway.Fhir.Tests.Serialization.Xml.XmlTestSupport;

namespace FhirGateway.Fhir.Tests.Serialization.Xml;

/// <summary>No input makes the XML reader throw, read another file or expand without limit: each is one clear fatal issue.</summary>
public sealed class XmlHostileInputTests
{
    private static Issue FatalOf(byte[] bytes)
    {
        var result = Parser.Parse(bytes, "t.xml");
        var issue = Assert.Single(result.Issues, i => i.Severity == IssueSeverity.Fatal);
        Assert.Equal(IssueCatalogue.XmlMalformed, issue.Definition);
        return issue;
    }

    private static Issue FatalOf(string xml) => FatalOf(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void An_external_entity_is_refused_without_reading_the_file()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "SECRET-CONTENT");
        try
        {
            var xml = $"<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file://{secret}\">]><Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&x;\"/></name></Patient>";
            var issue = FatalOf(xml);
            Assert.Contains("DOCTYPE", issue.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", issue.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Entity_expansion_is_refused() =>
        FatalOf("<!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><Patient xmlns=\"http://hl7.org/fhir\"><id value=\"&c;\"/></Patient>");

    [Fact]
    public void An_html_entity_is_explained() =>
        Assert.Contains("without a DTD", FatalOf(Resource("Patient", "<text><status value=\"generated\"/><div xmlns=\"http://www.w3.org/1999/xhtml\">a&nbsp;b</div></text>")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(new byte[] { 0x3C, 0x50, 0xFF, 0xFE, 0x3E })]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0x03 })]
    [InlineData(new byte[0])]
    public void Bytes_that_are_not_xml_are_one_fatal_issue(byte[] bytes) => FatalOf(bytes);

    [Fact]
    public void Invalid_utf8_is_not_replaced_silently() =>
        Assert.Contains("not valid utf-8", FatalOf([.. "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\""u8.ToArray(), 0xC3, 0x28, .. "\"/></Patient>"u8.ToArray()]).Message, StringComparison.Ordinal);

    [Fact]
    public void An_encoding_that_is_not_supported_is_named() =>
        Assert.Contains("'ebcdic-xx'", FatalOf("<?xml version=\"1.0\" encoding=\"ebcdic-xx\"?><Patient xmlns=\"http://hl7.org/fhir\"/>").Message, StringComparison.Ordinal);

    [Fact]
    public void Json_given_to_the_xml_reader_is_not_well_formed() => FatalOf("""{"resourceType":"Patient"}""");

    [Fact]
    public void Cdata_in_a_fhir_element_is_text_that_is_not_allowed() =>
        Assert.Single(IssuesOf(Resource("Patient", "<![CDATA[x]]><active value=\"true\"/>"), IssueCatalogue.XmlTextNotAllowed));
}
