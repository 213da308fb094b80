using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Checks;

/// <summary>Narrative safety: only the allowed XHTML elements and attributes, no scripts or event handlers.</summary>
public sealed class XhtmlTests
{
    private static ValidationResult Narrative(string div) =>
        Validator().Validate($$"""{ "resourceType": "Basic", "code": { "text": "x" }, "text": { "status": "generated", "div": "{{div.Replace("\"", "\\\"")}}" } }""");

    [Fact]
    public void Accepts_basic_formatting_tables_links_and_images()
    {
        var result = Narrative("""<div xmlns="http://www.w3.org/1999/xhtml"><p class="x">A <b>b</b> <a href="http://x.org">l</a></p><table><tr><td rowspan="2">c</td></tr></table><img src="#i" alt="i"/></div>""");
        Assert.Empty(result.Errors());
    }

    [Fact]
    public void Fails_for_a_script_element()
    {
        var result = Narrative("""<div xmlns="http://www.w3.org/1999/xhtml"><p>x</p><script>alert(1)</script></div>""");
        Assert.Contains(result.Errors(), e => e.Code == "val-xhtml-element" && e.Message.Contains("<script>", StringComparison.Ordinal) && e.Expression == "Basic.text.div");
    }

    [Fact]
    public void Fails_for_an_event_handler_attribute_and_a_script_url()
    {
        var result = Narrative("""<div xmlns="http://www.w3.org/1999/xhtml"><p onclick="x()">x</p><a href="javascript:alert(1)">y</a></div>""");
        Assert.Contains(result.Errors(), e => e.Code == "val-xhtml-attribute" && e.Message.Contains("onclick", StringComparison.Ordinal));
        Assert.Contains(result.Errors(), e => e.Code == "val-xhtml-unsafe-link");
    }

    [Fact]
    public void Fails_when_the_root_is_not_an_xhtml_div()
    {
        Assert.Contains(Narrative("<div><p>x</p></div>").Errors(), e => e.Code == "val-xhtml-root");
        Assert.Contains(Narrative("""<p xmlns="http://www.w3.org/1999/xhtml">x</p>""").Errors(), e => e.Code == "val-xhtml-root");
    }

    [Fact]
    public void Fails_for_markup_that_is_not_well_formed()
    {
        Assert.Contains(Narrative("""<div xmlns="http://www.w3.org/1999/xhtml"><p>x</div>""").Errors(), e => e.Code == "val-xhtml-malformed");
    }
}
