using FhirGateway.Fhir.Issues;
using static FhirGateway.Fhir.Tests.Serialization.Xml.XmlTestSupport;

namespace FhirGateway.Fhir.Tests.Serialization.Xml;

/// <summary>Each problem of FHIR XML is a coded issue with its location and line/column, and reading goes on past it.</summary>
public sealed class XmlReaderIssueTests
{
    [Fact]
    public void Text_that_is_not_well_formed_is_one_fatal_issue_at_its_position_with_what_was_read_kept()
    {
        var result = Parse("<Patient xmlns=\"http://hl7.org/fhir\">\n  <active value=\"true\"/>\n  <name></nam>\n</Patient>");
        var issue = Assert.Single(result.Issues);
        Assert.Equal((IssueCatalogue.XmlMalformed, 3, IssueSeverity.Fatal), (issue.Definition, issue.Line, issue.Severity));
        Assert.DoesNotContain("Line 3", issue.Message, StringComparison.Ordinal);
        Assert.Equal("true", result.Root!.Child("active")!.Text);
    }

    [Fact]
    public void A_root_outside_the_fhir_namespace_is_reported_once_and_still_read()
    {
        var result = Parse("<Patient><name><family value=\"X\"/></name></Patient>");
        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCatalogue.XmlWrongNamespace, issue.Definition);
        Assert.Equal("X", result.Root!.Child("name")!.Child("family")!.Text);
    }

    [Fact]
    public void A_div_outside_the_xhtml_namespace_is_reported() =>
        Assert.Equal("Patient.text.div", Assert.Single(IssuesOf(Resource("Patient", "<text><status value=\"generated\"/><div>x</div></text>"), IssueCatalogue.XmlWrongNamespace)).Expression);

    [Fact]
    public void An_unknown_root_element_is_an_unknown_resource_type_and_no_tree()
    {
        var result = Parse("<Patientt xmlns=\"http://hl7.org/fhir\"><active value=\"true\"/></Patientt>");
        Assert.Equal(IssueCatalogue.XmlUnknownResourceType, Assert.Single(result.Issues).Definition);
        Assert.Null(result.Root);
    }

    [Theory]
    [InlineData("<nickname value=\"x\"/>", "Patient.nickname", "")]
    [InlineData("<deceased value=\"true\"/>", "Patient.deceased", "deceased[x] is a choice")]
    [InlineData("<contained><Basic/></contained><Organization/>", "Patient.Organization", "inside an element that holds resources")]
    public void An_unknown_element_is_reported_with_a_hint_and_passed_over(string body, string at, string hint)
    {
        var issue = Assert.Single(Parse(Resource("Patient", body + "<active value=\"true\"/>")).Issues, i => i.Definition == IssueCatalogue.XmlUnknownElement);
        Assert.Equal(at, issue.Expression);
        Assert.Contains(hint, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_out_of_definition_order_is_reported_each_time_and_still_read()
    {
        var result = Parse(Resource("Patient", "<gender value=\"male\"/><active value=\"true\"/><name><family value=\"X\"/></name><gender value=\"female\"/>"));
        Assert.Equal(["Patient.active", "Patient.name[0]"], result.Issues.Where(i => i.Definition == IssueCatalogue.XmlElementOrder).Select(i => i.Expression));
        Assert.Equal("true", result.Root!.Child("active")!.Text);
        Assert.Contains(result.Issues, i => i.Definition == IssueCatalogue.XmlDuplicateElement && i.Expression == "Patient.gender");
    }

    [Fact]
    public void Two_types_of_one_choice_element_are_a_conflict() =>
        Assert.Equal("Observation.valueString",
            Assert.Single(IssuesOf(Resource("Observation", "<status value=\"final\"/><code><text value=\"c\"/></code><valueQuantity><value value=\"1\"/></valueQuantity><valueString value=\"x\"/>"),
                IssueCatalogue.XmlChoiceConflict)).Expression);

    [Theory]
    [InlineData("<_active><extension url=\"http://x.org\"><valueString value=\"v\"/></extension></_active>")]
    [InlineData("<resourceType value=\"Patient\"/>")]
    public void Json_syntax_written_as_xml_is_named_as_such(string body) =>
        Assert.Single(IssuesOf(Resource("Patient", body), IssueCatalogue.XmlJsonConstruct));

    [Theory]
    [InlineData("<Patient xmlns=\"http://hl7.org/fhir\" id=\"p\"/>", "id is an element")]
    [InlineData("<Patient xmlns=\"http://hl7.org/fhir\"><name value=\"x\"><family value=\"y\"/></name></Patient>", "not a primitive")]
    [InlineData("<Patient xmlns=\"http://hl7.org/fhir\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://hl7.org/fhir x.xsd\"/>", "xsi:schemaLocation")]
    [InlineData("<Patient xmlns=\"http://hl7.org/fhir\"><active value=\"true\" extra=\"1\"/></Patient>", "has no attribute extra")]
    public void An_attribute_fhir_xml_does_not_have_is_reported(string xml, string why) =>
        Assert.Contains(why, Assert.Single(IssuesOf(xml, IssueCatalogue.XmlUnexpectedAttribute)).Message, StringComparison.Ordinal);

    [Fact]
    public void An_xml_attribute_property_written_as_an_element_is_reported() =>
        Assert.Single(IssuesOf(Resource("Patient", "<extension><url value=\"http://x.org\"/><valueString value=\"v\"/></extension>"), IssueCatalogue.XmlExpectedAttribute));

    [Fact]
    public void Each_run_of_text_in_an_element_is_reported() =>
        Assert.Equal(2, IssuesOf(Resource("Patient", "one<active value=\"true\"/>two"), IssueCatalogue.XmlTextNotAllowed).Count);

    [Fact]
    public void An_empty_element_and_an_empty_value_are_reported_and_left_out()
    {
        var result = Parse(Resource("Patient", "<active value=\"\"/><name/><gender value=\"male\"/>"));
        Assert.Equal([IssueCatalogue.XmlEmptyValue, IssueCatalogue.XmlEmptyElement], result.Issues.Select(i => i.Definition));
        Assert.Equal(["gender"], result.Root!.Children.Select(c => c.Name));
    }

    [Fact]
    public void A_container_must_hold_exactly_one_resource() =>
        Assert.Single(IssuesOf(Resource("Patient", "<contained><Basic><code><text value=\"a\"/></code></Basic><Basic><code><text value=\"b\"/></code></Basic></contained>"), IssueCatalogue.XmlResourceCount));

    [Fact]
    public void Nesting_deeper_than_the_limit_is_reported_not_followed()
    {
        var depth = 20_000;
        var xml = Resource("Questionnaire", "<status value=\"draft\"/>" + string.Concat(Enumerable.Repeat("<item>", depth)) + string.Concat(Enumerable.Repeat("</item>", depth)));
        Assert.Contains(Parse(xml).Issues, i => i.Definition == IssueCatalogue.XmlTooDeep);
    }
}
