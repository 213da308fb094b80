using System.Text.Json;
using FhirGateway.Cli;

namespace FhirGateway.Cli.Tests;

public sealed class FormatCommandTests : IDisposable
{
    private const string CleanPatient = """{"active":true,"resourceType":"Patient","id":"p1","birthDate":"1970-01-01"}""";
    private const string BadPatient = "{\"resourceType\":\"Patient\",\n\"nickname\":\"x\"}";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fhirgw-format-" + Guid.NewGuid().ToString("N"));

    public FormatCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Prints_one_clean_file_pretty_in_definition_order_and_exits_0()
    {
        var (code, stdout, stderr) = await CliRun.Run("format", Write("p.json", CleanPatient));
        Assert.Equal(CliApp.ExitOk, code);
        Assert.Equal("", stderr);
        Assert.StartsWith("{\n  \"resourceType\": \"Patient\",\n  \"id\": \"p1\",\n  \"active\": true,", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_issues_as_file_line_column_lines_on_stderr_and_exits_1()
    {
        var file = Write("bad.json", BadPatient);
        var (code, stdout, stderr) = await CliRun.Run("format", file, "--check");
        Assert.Equal(CliApp.ExitIssues, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"{file}:2:1 error json-unknown-property ", stderr, StringComparison.Ordinal);
        Assert.Contains("@ Patient.nickname", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_writes_no_resource_for_a_clean_file()
    {
        var (code, stdout, stderr) = await CliRun.Run("format", "--check", Write("p.json", CleanPatient));
        Assert.Equal((CliApp.ExitOk, "", ""), (code, stdout, stderr));
    }

    [Fact]
    public async Task Json_prints_an_operation_outcome_on_stdout()
    {
        var (code, stdout, _) = await CliRun.Run("format", "--json", Write("bad.json", BadPatient));
        Assert.Equal(CliApp.ExitIssues, code);
        using var outcome = JsonDocument.Parse(stdout);
        Assert.Equal("OperationOutcome", outcome.RootElement.GetProperty("resourceType").GetString());
        var issue = Assert.Single(outcome.RootElement.GetProperty("issue").EnumerateArray());
        Assert.Equal("json-unknown-property", issue.GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal("Patient.nickname", issue.GetProperty("expression")[0].GetString());
    }

    [Fact]
    public async Task Out_writes_each_file_under_its_own_name_into_a_created_folder()
    {
        var a = Write("a.json", CleanPatient);
        var b = Write("b.json", """{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":1.50}}""");
        var outDir = Path.Combine(_dir, "out", "nested");
        var (code, stdout, stderr) = await CliRun.Run("format", a, b, "--out", outDir);
        Assert.Equal((CliApp.ExitOk, "", ""), (code, stdout, stderr));
        Assert.StartsWith("{\n  \"resourceType\": \"Patient\"", File.ReadAllText(Path.Combine(outDir, "a.json")).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"value\": 1.50", File.ReadAllText(Path.Combine(outDir, "b.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_does_not_write_a_file_with_errors()
    {
        var outDir = Path.Combine(_dir, "out");
        var (code, _, stderr) = await CliRun.Run("format", Write("bad.json", BadPatient), "--out", outDir);
        Assert.Equal(CliApp.ExitIssues, code);
        Assert.False(File.Exists(Path.Combine(outDir, "bad.json")));
        Assert.Contains("not written", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_an_io_error_with_exit_2()
    {
        var missing = Path.Combine(_dir, "nope.json");
        var (code, _, stderr) = await CliRun.Run("format", missing);
        Assert.Equal(CliApp.ExitUsage, code);
        Assert.Contains($"{missing}: cannot read", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_files_is_a_usage_error_with_exit_2()
    {
        var (code, _, stderr) = await CliRun.Run("format");
        Assert.Equal(CliApp.ExitUsage, code);
        Assert.NotEqual("", stderr);
    }

    [Fact]
    public async Task Several_files_without_out_or_check_is_a_usage_error()
    {
        var (code, _, stderr) = await CliRun.Run("format", Write("a.json", CleanPatient), Write("b.json", CleanPatient));
        Assert.Equal(CliApp.ExitUsage, code);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }
}
