using System.Text.Json;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.Fhir.Tests.Serialization.Json;

public sealed class JsonErrorTextTests
{
    [Fact]
    public void Describes_a_JSON_error_by_its_reason_and_1_based_line_and_column_without_the_0_based_suffix()
    {
        var e = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse("{\"a\": 1,\n  \"b\": ]}"));

        Assert.Equal((2, 8), JsonErrorText.Position(e));
        Assert.DoesNotContain("LineNumber", JsonErrorText.Reason(e), StringComparison.Ordinal);
        Assert.EndsWith("(line 2, column 8)", JsonErrorText.Describe(e), StringComparison.Ordinal);
        Assert.StartsWith(JsonErrorText.Reason(e), JsonErrorText.Describe(e), StringComparison.Ordinal);
    }
}
