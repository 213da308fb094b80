using FhirGateway.Cli;

namespace FhirGateway.Cli.Tests.Cli;

/// <summary>
/// What <c>fhirgw validate</c> composes from its arguments (ValidationWorkspace): a package's dependencies from the local
/// package folder, named when missing; the --ig resources as reference targets; a malformed definition as an issue.
/// </summary>
public sealed class ValidateWorkspaceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_temp.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Patient = """{ "resourceType": "Patient", "id": "p1", "gender": "female" }""";

    [Fact]
    public async Task A_package_s_dependency_missing_from_the_package_folder_is_named_and_core_is_not()
    {
        Write("pkg/package/package.json", """{ "name": "example.partner.ig", "version": "1.0.0", "dependencies": { "hl7.fhir.r4.core": "4.0.1", "example.not.fetched": "2.3.4" } }""");
        var file = Write("patient.json", Patient);
        var (exit, _, err) = await CliRun.Run("validate", file, "--ig", Path.Combine(_temp.Path, "pkg"));
        Assert.Equal(CliApp.ExitOk, exit);
        Assert.Contains("example.partner.ig#1.0.0 depends on example.not.fetched#2.3.4, which is not in", err, StringComparison.Ordinal);
        Assert.DoesNotContain("hl7.fhir.r4.core", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_profile_given_with_ig_is_an_error_issue_not_a_crash()
    {
        var profile = Write("ig/bad-profile.json", """
            { "resourceType": "StructureDefinition", "url": "http://example.org/fhir/StructureDefinition/bad", "name": "Bad", "status": "draft",
              "kind": "resource", "abstract": "false", "type": "Patient", "derivation": "constraint",
              "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Patient", "differential": { "element": [ { "id": "Patient", "path": "Patient" } ] } }
            """);
        var file = Write("patient.json", Patient);
        var (exit, output, _) = await CliRun.Run("validate", file, "--ig", profile, "--profile", profile);
        Assert.Equal(CliApp.ExitIssues, exit);
        Assert.Contains("val-definition-unreadable", output, StringComparison.Ordinal);
        Assert.Contains("'abstract'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_QuestionnaireResponse_is_checked_against_the_Questionnaire_given_with_ig()
    {
        Write("ig/questionnaire.json", """
            { "resourceType": "Questionnaire", "id": "q", "url": "http://example.org/fhir/Questionnaire/q", "status": "active",
              "item": [ { "linkId": "age", "text": "Age", "type": "integer", "required": true } ] }
            """);
        var file = Write("qr.json", """{ "resourceType": "QuestionnaireResponse", "questionnaire": "http://example.org/fhir/Questionnaire/q", "status": "completed" }""");
        var (withIg, output, _) = await CliRun.Run("validate", file, "--ig", Path.Combine(_temp.Path, "ig"));
        Assert.Equal(CliApp.ExitIssues, withIg);
        Assert.Contains("val-qr-required-missing", output, StringComparison.Ordinal);
        var (without, plain, _) = await CliRun.Run("validate", file);
        Assert.DoesNotContain("val-qr-required-missing", plain, StringComparison.Ordinal);
        Assert.Equal(CliApp.ExitOk, without);
    }
}
