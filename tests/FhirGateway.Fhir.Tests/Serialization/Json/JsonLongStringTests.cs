using System.Text;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Serialization.Json;
using static FhirGateway.Fhir.Tests.Serialization.Json.JsonTestSupport;

namespace FhirGateway.Fhir.Tests.Serialization.Json;

/// <summary>Very long string values (an attachment's base64) are read lazily; what a reader of the tree sees must not change.</summary>
public sealed class JsonLongStringTests
{
    private static readonly string LongValue = string.Concat(Enumerable.Repeat("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=é", 2000));

    [Fact]
    public void A_long_value_reads_as_the_same_text_and_writes_back_unchanged()
    {
        var json = $$"""{"resourceType":"Observation","valueString":"{{LongValue}}"}""";
        var root = ParseClean(json);
        Assert.True(Encoding.UTF8.GetByteCount(LongValue) >= DeferredUtf8Text.MinimumBytes);
        var value = At(root, "valueString");
        Assert.True(value.HasText);
        Assert.True(value.TextIsDeferred, "a value this long stays in the source until read");
        Assert.Equal(LongValue, value.Text);
        Assert.False(value.TextIsDeferred);
        Assert.Equal(json, Writer.ToJson(root, pretty: false));
    }

    [Fact]
    public void Long_values_in_an_array_keep_their_order_and_companions()
    {
        var second = LongValue + "2";
        var root = ParseClean($$"""{"resourceType":"Patient","name":[{"given":["{{LongValue}}","{{second}}"],"_given":[null,{"id":"g2"}]}]}""");
        Assert.Equal(LongValue, At(root, "name", "given[0]").Text);
        Assert.Equal(second, At(root, "name", "given[1]").Text);
        Assert.Equal("g2", At(root, "name", "given[1]", "id").Text);
    }

    [Fact]
    public void A_long_value_with_escapes_is_unescaped()
    {
        var root = ParseClean($$"""{"resourceType":"Observation","valueString":"{{LongValue}}\n\u00e9\/"}""");
        var value = At(root, "valueString");
        Assert.False(value.TextIsDeferred, "an escaped value is unescaped as it is read");
        Assert.Equal(LongValue + "\né/", value.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_value_that_is_not_valid_utf8_is_reported_not_thrown(bool longValue)
    {
        var head = Encoding.UTF8.GetBytes("""{"resourceType":"Patient","id":"x","name":[{"family":""" + "\"" + (longValue ? LongValue : "ab"));
        var tail = Encoding.UTF8.GetBytes("\"}]}");
        var result = Parser.Parse((byte[])[.. head, 0xC3, 0x28, .. tail], "t.json");
        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCatalogue.JsonInvalidString.Id, issue.Code);
        Assert.Equal("Patient.name[0].family", issue.Expression);
    }
}
