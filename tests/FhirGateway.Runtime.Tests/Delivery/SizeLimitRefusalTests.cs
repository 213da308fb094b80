using System.Text;
using FhirGateway.Runtime.Delivery;

namespace FhirGateway.Runtime.Tests.Delivery;

public sealed class SizeLimitRefusalTests
{
    private static ReadOnlyMemory<byte> Outcome(string text, bool asDetails = false) => Encoding.UTF8.GetBytes(asDetails
        ? $$$"""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing","details":{"text":"{{{text}}}"}}]}"""
        : $$"""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"too-costly","diagnostics":"{{text}}"}]}""");

    [Theory]
    [InlineData("Transaction requires strict isolation but has too many entries", 10, 5)]
    [InlineData("Bundle exceeds the maximum of 8 entries", 10, 8)]
    [InlineData("Transaction contains more update operations than allowed", 60, 30)]
    [InlineData("The batch is limited to 100 entries", 250, 100)]
    public void A_refusal_that_names_a_size_limit_teaches_the_number_it_names_or_half_of_what_was_sent(string text, int sent, int learned)
    {
        Assert.Equal(learned, SizeLimitRefusal.LimitFrom(400, Outcome(text, asDetails: true), sent));
        Assert.Equal(learned, SizeLimitRefusal.LimitFrom(422, Outcome(text), sent));
    }

    [Fact]
    public void A_413_is_about_size_whatever_it_says()
    {
        Assert.Equal(6, SizeLimitRefusal.LimitFrom(413, default, 12));
        Assert.Equal(6, SizeLimitRefusal.LimitFrom(413, Encoding.UTF8.GetBytes("Payload Too Large"), 12));
    }

    [Theory]
    [InlineData(400, "Observation.valueQuantity: unit does not fit the code")]
    [InlineData(400, "Resource Patient/1 not found")]
    [InlineData(422, "value exceeds the maximum length of 1048576")]
    [InlineData(429, "too many requests in a transaction window")]
    [InlineData(503, "Transaction has too many entries")]
    public void Other_refusals_are_not_about_size(int status, string text) =>
        Assert.Null(SizeLimitRefusal.LimitFrom(status, Outcome(text), 9));

    [Fact]
    public void A_refused_single_entry_is_never_about_size() =>
        Assert.Null(SizeLimitRefusal.LimitFrom(400, Outcome("Transaction requires strict isolation but has too many entries"), 1));
}
