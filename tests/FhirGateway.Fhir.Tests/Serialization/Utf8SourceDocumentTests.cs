using System.Text;
using FhirGateway.Fhir.Serialization;

namespace FhirGateway.Fhir.Tests.Serialization;

public sealed class Utf8SourceDocumentTests
{
    [Fact]
    public void Columns_on_one_long_line_are_right_in_any_order_of_asking()
    {
        var text = "{\"a\":\"é\"," + string.Concat(Enumerable.Repeat("\"bb\":1,", 100)) + "\"z\":2}";
        var bytes = Encoding.UTF8.GetBytes(text);
        var document = new Utf8SourceDocument(bytes, "one-line.json");
        int Byte(string needle) => Encoding.UTF8.GetByteCount(text[..text.LastIndexOf(needle, StringComparison.Ordinal)]);
        var z = Byte("\"z\"");
        var a = Byte("\"a\"");
        Assert.Equal((1, text.LastIndexOf("\"z\"", StringComparison.Ordinal) + 1), document.Resolve(z));
        Assert.Equal((1, 2), document.Resolve(a));
        Assert.Equal((1, text.LastIndexOf("\"z\"", StringComparison.Ordinal) + 1), document.Resolve(z));
    }

    [Fact]
    public void Lines_and_columns_follow_line_breaks()
    {
        var document = new Utf8SourceDocument(Encoding.UTF8.GetBytes("{\n  \"a\": 1,\n  \"b\": 2\n}"), null);
        Assert.Equal((3, 3), document.Resolve(14));
        Assert.Equal((2, 3), document.Resolve(4));
    }
}
