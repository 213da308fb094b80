using System.Text.Json;
using FhirGateway.Cli;

namespace FhirGateway.Cli.Tests.Cli;

public sealed class SnapshotCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fhirgw-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteProfile(string differentialPath)
    {
        var file = Path.Combine(_folder, "profile.json");
        File.WriteAllText(file, $$"""
            {
              "resourceType": "StructureDefinition",
              "url": "http://example.org/fhir/StructureDefinition/clinic-patient",
              "name": "ClinicPatient",
              "status": "draft",
              "kind": "resource",
              "abstract": false,
              "type": "Patient",
              "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Patient",
              "derivation": "constraint",
              "differential": { "element": [
                { "id": "Patient", "path": "Patient" },
                { "id": "{{differentialPath}}", "path": "{{differentialPath}}", "min": 1 }
              ] }
            }
            """);
        return file;
    }

    [Fact]
    public async Task Prints_the_definition_with_the_generated_snapshot()
    {
        var (exit, output, errors) = await CliRun.Run("snapshot", WriteProfile("Patient.identifier.system"));
        Assert.Equal((CliApp.ExitOk, ""), (exit, errors));
        var elements = JsonDocument.Parse(output).RootElement.GetProperty("snapshot").GetProperty("element").EnumerateArray().ToList();
        var system = elements.Single(e => e.GetProperty("id").GetString() == "Patient.identifier.system");
        Assert.Equal(1, system.GetProperty("min").GetInt32());
        Assert.Contains(elements, e => e.GetProperty("id").GetString() == "Patient.link.type");
    }

    [Fact]
    public async Task Reports_differential_problems_on_stderr_with_exit_code_1()
    {
        var (exit, _, errors) = await CliRun.Run("snapshot", WriteProfile("Patient.colour"));
        Assert.Equal(CliApp.ExitIssues, exit);
        Assert.Contains("snapshot-path-not-found", errors, StringComparison.Ordinal);
        Assert.Contains("@ Patient.colour", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var (exit, _, errors) = await CliRun.Run("snapshot", Path.Combine(_folder, "absent.json"));
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("absent.json", errors, StringComparison.Ordinal);
    }
}
