using System.Text.Json;
using FhirGateway.Cli;

namespace FhirGateway.Cli.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private const string FileExtension = "http://hl7.org/fhir/StructureDefinition/operationoutcome-file";
    private readonly string _folder = Directory.CreateTempSubdirectory("fhirgw-validate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    private string Valid(string name = "valid.json") => Write(name, """
        { "resourceType": "Patient", "id": "p1", "text": { "status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">Ann</div>" }, "gender": "female" }
        """);

    private string Invalid(string name = "invalid.json") => Write(name, """{ "resourceType": "Observation", "code": { "text": "x" } }""");

    [Fact]
    public async Task A_valid_file_exits_0_with_a_summary_line_and_totals()
    {
        var file = Valid();
        var (exit, output, _) = await CliRun.Run("validate", file);
        Assert.Equal(CliApp.ExitOk, exit);
        Assert.Contains($"{file}: valid, 0 errors", output, StringComparison.Ordinal);
        Assert.Contains("validated 1 files (1 resources): 0 invalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_file_exits_1_and_prints_each_issue_with_file_line_and_path()
    {
        var file = Invalid();
        var (exit, output, _) = await CliRun.Run("validate", file);
        Assert.Equal(CliApp.ExitIssues, exit);
        Assert.Contains($"{file}:1:1 error val-cardinality-min", output, StringComparison.Ordinal);
        Assert.Contains("@ Observation", output, StringComparison.Ordinal);
        Assert.Contains($"{file}: INVALID, 1 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_validates_every_json_file_in_it_and_counts_bundle_entries()
    {
        Valid("a/valid.json");
        Invalid("a/b/invalid.json");
        Write("a/bundle.json", """
            { "resourceType": "Bundle", "type": "collection", "entry": [
              { "fullUrl": "urn:uuid:0a1b2c3d-0000-4000-8000-000000000001", "resource": { "resourceType": "Observation", "code": { "text": "x" } } },
              { "fullUrl": "urn:uuid:0a1b2c3d-0000-4000-8000-000000000002", "resource": { "resourceType": "Patient" } } ] }
            """);
        var (exit, output, _) = await CliRun.Run("validate", Path.Combine(_folder, "a"));
        Assert.Equal(CliApp.ExitIssues, exit);
        Assert.Contains("Bundle.entry[0].resource", output, StringComparison.Ordinal);
        Assert.Contains("validated 3 files (5 resources): 2 invalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_prints_one_operation_outcome_for_one_file_naming_it()
    {
        var file = Invalid();
        var (exit, output, errors) = await CliRun.Run("validate", file, "--json");
        Assert.Equal(CliApp.ExitIssues, exit);
        using var outcome = JsonDocument.Parse(output);
        Assert.Equal("OperationOutcome", outcome.RootElement.GetProperty("resourceType").GetString());
        Assert.Equal(file, FileOf(outcome.RootElement));
        Assert.Contains("INVALID", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_prints_a_collection_bundle_of_outcomes_for_several_files()
    {
        var valid = Valid();
        var invalid = Invalid();
        var (_, output, _) = await CliRun.Run("validate", valid, invalid, "--json");
        using var bundle = JsonDocument.Parse(output);
        Assert.Equal("collection", bundle.RootElement.GetProperty("type").GetString());
        var outcomes = bundle.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).ToList();
        Assert.Equal([valid, invalid], outcomes.Select(FileOf));
        Assert.All(outcomes, o => Assert.Equal("OperationOutcome", o.GetProperty("resourceType").GetString()));
    }

    [Fact]
    public async Task Profile_and_ig_validate_against_a_profile_from_the_given_folder()
    {
        var ig = Path.Combine(_folder, "ig");
        Write("ig/StructureDefinition-gendered.json", """
            { "resourceType": "StructureDefinition", "url": "http://example.org/fhir/StructureDefinition/gendered", "name": "Gendered", "status": "draft",
              "kind": "resource", "abstract": false, "type": "Patient", "derivation": "constraint", "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Patient",
              "differential": { "element": [ { "id": "Patient", "path": "Patient" }, { "id": "Patient.birthDate", "path": "Patient.birthDate", "min": 1 } ] } }
            """);
        var file = Valid();
        var (exit, output, _) = await CliRun.Run("validate", file, "--ig", ig, "--profile", "http://example.org/fhir/StructureDefinition/gendered");
        Assert.Equal(CliApp.ExitIssues, exit);
        Assert.Contains("Patient.birthDate: minimum required = 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_path_is_a_usage_error()
    {
        var (exit, _, errors) = await CliRun.Run("validate", Path.Combine(_folder, "absent.json"));
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("absent.json", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_xml_file_is_read_as_xml_and_validated()
    {
        var file = Write("patient.xml", """<Patient xmlns="http://hl7.org/fhir"><gender value="bogus"/></Patient>""");
        var (exit, output, _) = await CliRun.Run("validate", file);
        Assert.Equal(CliApp.ExitIssues, exit);
        Assert.Contains("patient.xml:1:38 error val-binding-required", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_runs_print_progress_on_stderr_when_asked_and_nothing_when_stderr_is_not_a_terminal()
    {
        for (var i = 0; i < 25; i++) Valid($"many/p{i:D2}.json");
        var (exit, output, errors) = await CliRun.Run("validate", "--progress", "always", Path.Combine(_folder, "many"));
        Assert.Equal(CliApp.ExitOk, exit);
        Assert.Contains("validate: 25/25 files", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("25/25", output, StringComparison.Ordinal);
        var (_, _, quiet) = await CliRun.Run("validate", Path.Combine(_folder, "many"));
        Assert.DoesNotContain("files,", quiet, StringComparison.Ordinal);
    }

    private static string? FileOf(JsonElement outcome) =>
        outcome.GetProperty("extension").EnumerateArray().Single(e => e.GetProperty("url").GetString() == FileExtension).GetProperty("valueString").GetString();
}
