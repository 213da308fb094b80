using System.Text;
using FhirGateway.Runtime.Delivery;

namespace FhirGateway.Runtime.Tests.Delivery;

public sealed class DeliveryVerdictTests
{
    private static PartnerAnswer Answer(int? status, string body = "", string? failure = null, TimeSpan? retryAfter = null) =>
        new(status, Encoding.UTF8.GetBytes(body), retryAfter, failure, TimeSpan.Zero);

    private const string Ok2 = """
        {"resourceType":"Bundle","type":"transaction-response","entry":[
          {"response":{"status":"201 Created","location":"Patient/1/_history/1"}},{"response":{"status":"200 OK","location":"Observation/2/_history/3"}}]}
        """;

    private const string Outcome = """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid","diagnostics":"bad code"}]}""";

    [Fact]
    public void Every_entry_2xx_is_delivered_with_the_locations()
    {
        var verdict = DeliveryVerdict.Judge("p", Answer(200, Ok2), 2, 1);

        Assert.Equal(VerdictKind.Delivered, verdict.Kind);
        Assert.Equal(["Patient/1/_history/1", "Observation/2/_history/3"], verdict.Entries.Select(e => e.Location));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(401)]
    public void Transient_and_credential_answers_are_retried(int status) =>
        Assert.Equal(VerdictKind.Retry, DeliveryVerdict.Judge("p", Answer(status), 2, 1).Kind);

    [Fact]
    public void No_answer_is_retried_with_the_circuits_wait()
    {
        var verdict = DeliveryVerdict.Judge("p", Answer(null, failure: "circuit-open", retryAfter: TimeSpan.FromSeconds(20)), 2, 1);

        Assert.Equal((VerdictKind.Retry, TimeSpan.FromSeconds(20)), (verdict.Kind, verdict.RetryAfter));
    }

    [Fact]
    public void A_4xx_with_an_OperationOutcome_parks_a_single_record_with_that_outcome_and_splits_a_batch()
    {
        var single = DeliveryVerdict.Judge("p", Answer(422, Outcome), 2, 1);
        var batch = DeliveryVerdict.Judge("p", Answer(422, Outcome), 2, 3);

        Assert.Equal(VerdictKind.Park, single.Kind);
        Assert.Contains("bad code", single.OperationOutcome, StringComparison.Ordinal);
        Assert.Equal(VerdictKind.Split, batch.Kind);
    }

    [Fact]
    public void A_4xx_without_an_OperationOutcome_parks_with_the_gateways_own_outcome()
    {
        var verdict = DeliveryVerdict.Judge("p", Answer(400, "<html>no</html>"), 2, 1);

        Assert.Equal(VerdictKind.Park, verdict.Kind);
        Assert.Contains("gw-partner-rejected", verdict.OperationOutcome, StringComparison.Ordinal);
    }

    [Fact]
    public void A_success_that_is_not_a_transaction_response_or_has_too_few_entries_is_retried()
    {
        Assert.Equal(VerdictKind.Retry, DeliveryVerdict.Judge("p", Answer(200, "{}"), 2, 1).Kind);
        Assert.Equal(VerdictKind.Retry, DeliveryVerdict.Judge("p", Answer(200, Ok2), 3, 1).Kind);
    }

    [Fact]
    public void A_failed_entry_in_a_success_answer_parks_with_the_entrys_outcome()
    {
        const string body = """
            {"resourceType":"Bundle","type":"transaction-response","entry":[
              {"response":{"status":"201 Created"}},{"response":{"status":"400 Bad Request","outcome":{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid","diagnostics":"entry 1 bad"}]}}}]}
            """;
        var verdict = DeliveryVerdict.Judge("p", Answer(200, body), 2, 1);

        Assert.Equal(VerdictKind.Park, verdict.Kind);
        Assert.Contains("entry 1 bad", verdict.OperationOutcome, StringComparison.Ordinal);
    }
}
