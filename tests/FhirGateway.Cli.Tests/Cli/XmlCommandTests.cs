using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Sources;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Fhir.Serialization.Xml;
using static FhirGateway.Cli.Tests.CliRun;

namespace FhirGateway.Cli.Tests.Cli;

/// <summary>The commands read FHIR XML where they read FHIR JSON (told apart by content), and write it where asked.</summary>
public sealed class XmlCommandTests : IDisposable
{
    private const string PatientJson = """{"resourceType":"Patient","id":"p1","active":true,"name":[{"family":"Chalmers","given":["Peter","James"]}],"birthDate":"1974-12-25"}""";
    private const string BadPatientXml = "<Patient xmlns=\"http://hl7.org/fhir\">\n  <nickname value=\"x\"/>\n</Patient>";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Format_converts_json_to_xml_and_the_xml_back_to_the_same_json()
    {
        var json = Write("p.json", PatientJson);
        var outDir = Path.Combine(_dir.Path, "out");
        var (toXml, _, toXmlErrors) = await Run("format", json, "--to", "xml", "--out", outDir);
        Assert.Equal((CliApp.ExitOk, ""), (toXml, toXmlErrors));
        var xml = File.ReadAllText(Path.Combine(outDir, "p.xml"));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Patient xmlns=\"http://hl7.org/fhir\">\n  <id value=\"p1\"/>", xml, StringComparison.Ordinal);
        var (_, direct, _) = await Run("format", json);
        var (back, viaXml, backErrors) = await Run("format", Path.Combine(outDir, "p.xml"), "--to", "json");
        Assert.Equal((CliApp.ExitOk, ""), (back, backErrors));
        Assert.Equal(direct, viaXml);
    }

    [Fact]
    public async Task Format_of_an_xml_file_pretty_prints_xml_and_reports_its_issues_with_line_and_column()
    {
        var (clean, cleanOut, _) = await Run("format", Write("p.xml", "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"p1\"/><active value=\"true\"/></Patient>"));
        Assert.Equal(CliApp.ExitOk, clean);
        Assert.EndsWith("<Patient xmlns=\"http://hl7.org/fhir\">\n  <id value=\"p1\"/>\n  <active value=\"true\"/>\n</Patient>\n", cleanOut, StringComparison.Ordinal);
        var file = Write("bad.xml", BadPatientXml);
        var (exit, output, errors) = await Run("format", file, "--check");
        Assert.Equal((CliApp.ExitIssues, ""), (exit, output));
        Assert.StartsWith($"{file}:2:3 error xml-unknown-element Unknown element <nickname>", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid start of a value", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_reads_an_xml_file_and_with_xml_prints_the_outcome_in_xml()
    {
        var (exit, output, errors) = await Run("validate", Write("bad.xml", BadPatientXml), "--xml");
        Assert.Equal(CliApp.ExitIssues, exit);
        Assert.Contains("INVALID, 1 errors", errors, StringComparison.Ordinal);
        var outcome = new FhirXmlParser(StructureTypeModel.R4Core).Parse(output, "outcome.xml");
        Assert.Empty(outcome.Issues);
        Assert.Equal("OperationOutcome", outcome.Root!.InstanceType);
        Assert.Contains(outcome.Root.Children, c => c.Name == "issue" && c.Child("expression")?.Text == "Patient.nickname");
    }

    [Fact]
    public async Task Validate_of_a_folder_takes_its_xml_files_too()
    {
        Write("a.json", PatientJson);
        Write("b.xml", BadPatientXml);
        var (exit, output, _) = await Run("validate", _dir.Path);
        Assert.Equal(CliApp.ExitIssues, exit);
        Assert.Contains("validated 2 files", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fhirpath_evaluates_against_an_xml_file()
    {
        var (_, xml, _) = await Run("format", Write("p.json", PatientJson), "--to", "xml");
        var (exit, output, errors) = await Run("fhirpath", "name.given", Write("p.xml", xml));
        Assert.Equal((CliApp.ExitOk, ""), (exit, errors));
        Assert.Equal("string: Peter\nstring: James\n", output);
    }

    [Fact]
    public async Task Map_with_format_xml_prints_the_same_bundle_in_fhir_xml()
    {
        var record = Repo("seeds", "als", "02-intake-assessment.json");
        var (_, json, _) = await Run("map", record);
        var (exit, xml, errors) = await Run("map", record, "--format", "xml");
        Assert.Equal((CliApp.ExitOk, ""), (exit, errors));
        var fromXml = new FhirXmlParser(StructureTypeModel.R4Core).Parse(xml, "bundle.xml");
        Assert.Empty(fromXml.Issues);
        var writer = new FhirJsonWriter(StructureTypeModel.R4Core);
        var fromJson = new FhirJsonParser(StructureTypeModel.R4Core).Parse(json, "bundle.json");
        Assert.Equal(writer.ToJson(fromJson.Root!), writer.ToJson(fromXml.Root!));
    }

    [Fact]
    public async Task Ig_pack_takes_a_definition_given_as_fhir_xml()
    {
        var ig = Path.Combine(_dir.Path, "ig");
        Directory.CreateDirectory(ig);
        foreach (var file in Directory.EnumerateFiles(Repo("profiles"), "*.json")) File.Copy(file, Path.Combine(ig, Path.GetFileName(file)));
        var profile = Path.Combine(ig, "StructureDefinition-edss.json");
        var (converted, _, _) = await Run("format", profile, "--to", "xml", "--out", ig);
        Assert.Equal(CliApp.ExitOk, converted);
        File.Delete(profile);
        var target = Path.Combine(_dir.Path, "ig.tgz");
        var (exit, _, errors) = await Run("ig", "pack", "--ig", ig, "--out", target);
        Assert.Equal((CliApp.ExitOk, ""), (exit, errors));
        var packed = DefinitionSources.OpenPackage(target).StructureDefinitions().Single(p => p.Url.EndsWith("/edss", StringComparison.Ordinal));
        Assert.True(packed.HasSnapshot);
    }
}
