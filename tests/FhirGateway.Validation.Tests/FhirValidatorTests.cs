using System.Text;
using System.Text.Json;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests;

/// <summary>The validator as a whole: the public API, results as an OperationOutcome, caching and thread safety.</summary>
public sealed class FhirValidatorTests
{
    private const string BadObservation = """{ "resourceType": "Observation", "status": "final", "code": { "text": "x" }, "issued": "2020" }""";

    [Fact]
    public void Parse_issues_come_first_and_a_text_that_is_not_json_stops_there()
    {
        var validator = new FhirValidator(CoreDefinitions.R4);
        var result = validator.Validate(Encoding.UTF8.GetBytes("""{ "resourceType": "Patient", "colour": "red", "birthDate": "1970-02-31" }"""), "p.json");
        Assert.Equal(["json-unknown-property", "val-date-invalid"], result.Errors().Select(e => e.Code));
        var broken = validator.Validate(Encoding.UTF8.GetBytes("""{ "resourceType": "Patient", """), "b.json");
        Assert.Equal("json-malformed", Assert.Single(broken.Issues).Code);
    }

    [Fact]
    public void Progress_is_told_each_resource_done_a_bundles_entries_one_by_one_and_the_bundle_last()
    {
        var validator = new FhirValidator(CoreDefinitions.R4);
        var parsed = validator.Parse(Encoding.UTF8.GetBytes("""
            { "resourceType": "Bundle", "type": "collection", "entry": [
              { "fullUrl": "urn:uuid:0a1b2c3d-0000-4000-8000-000000000001", "resource": { "resourceType": "Patient" } },
              { "fullUrl": "urn:uuid:0a1b2c3d-0000-4000-8000-000000000002", "resource": { "resourceType": "Patient" } },
              { "fullUrl": "urn:uuid:0a1b2c3d-0000-4000-8000-000000000003", "resource": { "resourceType": "Patient" } } ] }
            """), "b.json");
        var told = new List<int>();

        var withProgress = validator.Validate(parsed, null, new Recorder(told.Add));

        Assert.Equal([1, 2, 3, 4], told);
        Assert.Equal(validator.Validate(parsed).Issues.Select(i => i.Code), withProgress.Issues.Select(i => i.Code));
    }

    private sealed class Recorder(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    [Fact]
    public void A_required_element_the_reader_could_not_read_is_reported_once_not_also_as_missing()
    {
        var result = new FhirValidator(CoreDefinitions.R4).Validate(Encoding.UTF8.GetBytes("""{ "resourceType": "Observation", "status": 5, "code": { "text": "x" } }"""), "o.json");
        Assert.Equal(["json-wrong-value-kind"], result.Errors().Select(e => e.Code));
        var missing = new FhirValidator(CoreDefinitions.R4).Validate(Encoding.UTF8.GetBytes("""{ "resourceType": "Observation", "code": { "text": "x" } }"""), "o.json");
        Assert.Equal(["val-cardinality-min"], missing.Errors().Select(e => e.Code));
    }

    [Fact]
    public void The_result_writes_as_an_operation_outcome_with_expression_and_position()
    {
        var result = new FhirValidator(CoreDefinitions.R4).Validate(Encoding.UTF8.GetBytes(BadObservation), "o.json");
        using var outcome = JsonDocument.Parse(result.ToOperationOutcome());
        var issue = outcome.RootElement.GetProperty("issue").EnumerateArray().Single(i => i.GetProperty("severity").GetString() == "error");
        Assert.Equal("value", issue.GetProperty("code").GetString());
        Assert.Equal("Observation.issued", issue.GetProperty("expression")[0].GetString());
        Assert.Equal("val-primitive-lexical", issue.GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal(2, issue.GetProperty("extension").GetArrayLength());
    }

    [Fact]
    public void A_differential_only_profile_is_given_a_snapshot_once_and_its_schema_is_reused()
    {
        var validator = Validator(definitions: Profile("once", "Patient", """{ "id": "Patient.gender", "path": "Patient.gender", "min": 1 }"""));
        Assert.Single(validator.Validate("""{ "resourceType": "Patient" }""", Base + "once").Errors());
        var compiled = validator.CompiledSchemaCount;
        Assert.Single(validator.Validate("""{ "resourceType": "Patient" }""", Base + "once").Errors());
        Assert.Equal(compiled, validator.CompiledSchemaCount);
    }

    [Fact]
    public void Problems_generating_a_profile_snapshot_are_reported_as_warnings_where_it_is_used()
    {
        var validator = Validator(definitions: Profile("broken", "Patient", """{ "id": "Patient.colour", "path": "Patient.colour", "min": 1 }"""));
        var result = validator.Validate("""{ "resourceType": "Patient" }""", Base + "broken");
        Assert.Empty(result.Errors());
        Assert.Contains(result.Issues, i => i.Code == "val-snapshot-problem" && i.Message.Contains("Patient.colour", StringComparison.Ordinal));
    }

    [Fact]
    public void Validating_a_structure_definition_reports_what_its_differential_gets_wrong()
    {
        var definition = Profile("sd-self", "Patient", """{ "id": "Patient.colour", "path": "Patient.colour", "min": 1 }""");
        var result = new FhirValidator(CoreDefinitions.R4).Validate(Encoding.UTF8.GetBytes(definition), "sd.json");
        Assert.Contains(result.Errors(), e => e.Code == "val-definition-snapshot" && e.Message.Contains("Patient.colour", StringComparison.Ordinal));
    }

    [Fact]
    public void One_cold_validator_shared_by_many_threads_gives_the_results_of_a_sequential_run()
    {
        var profile = Profile("threads", "Observation", """{ "id": "Observation.subject", "path": "Observation.subject", "min": 1 }""");
        var inputs = Enumerable.Range(0, 64).Select(i => i % 2 == 0 ? BadObservation : BadObservation.Replace("\"2020\"", "\"2020-01-01T00:00:00Z\"")).ToArray();
        var sequential = Validator(definitions: profile);
        var expected = inputs.Select(i => Describe(sequential.Validate(i, Base + "threads"))).ToArray();
        var shared = Validator(definitions: profile);
        var parallel = new string[inputs.Length];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Describe(shared.Validate(inputs[i], Base + "threads")));
        Assert.Equal(expected, parallel);
        Assert.Contains("val-cardinality-min@Observation", expected[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_validation_throws_rather_than_returning_a_partial_result()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
            new FhirValidator(CoreDefinitions.R4).Validate(Encoding.UTF8.GetBytes(BadObservation), "o.json", null, cancelled.Token));
    }

    private static string Describe(ValidationResult result) => string.Join("|", result.Issues.Select(i => $"{i.Code}@{i.Expression}"));

    [Fact]
    public void A_malformed_profile_is_an_error_issue_where_it_is_used_never_an_exception()
    {
        var malformed = Profile("malformed", "Patient").Replace("\"abstract\": false", "\"abstract\": \"false\"", StringComparison.Ordinal);
        Assert.Contains("\"abstract\": \"false\"", malformed, StringComparison.Ordinal);
        var validator = Validator(definitions: malformed);
        var requested = validator.Validate("""{ "resourceType": "Patient" }""", Base + "malformed");
        var issue = Assert.Single(requested.Errors());
        Assert.Equal(("val-definition-unreadable", "Patient"), (issue.Code, issue.Expression));
        Assert.True(issue.Message.Contains("abstract", StringComparison.Ordinal), issue.Message);
        var declared = validator.Validate($$"""{ "resourceType": "Patient", "meta": { "profile": [ "{{Base}}malformed" ] } }""");
        Assert.Contains(declared.Errors(), i => i.Code == "val-definition-unreadable" && i.Expression == "Patient.meta.profile[0]");
    }
}
