using System.Text.Json;

namespace FhirGateway.Cli.Tests.Cli;

public sealed class FhirPathCommandTests : IDisposable
{
    private const string Patient = """
        {"resourceType":"Patient","id":"p1","active":true,"gender":"female","birthDate":"1970-02",
         "multipleBirthInteger":2,"deceasedDateTime":"2020-01-01T10:00:00Z",
         "name":[{"family":"Smith","given":["Ann"]},{"_family":{"extension":[{"url":"http://example.org/x","valueString":"y"}]}}]}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("fhirgw-fhirpath-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRun.Run(args);

    private static async Task<JsonElement[]> Json(params string[] args)
    {
        var (exit, output, errors) = await Run([.. args, "--json"]);
        Assert.Equal((CliApp.ExitOk, ""), (exit, errors));
        return JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray();
    }

    private static void AssertItem(JsonElement item, string type, string valueJson) =>
        Assert.Equal((type, valueJson), (item.GetProperty("type").GetString(), item.GetProperty("value").GetRawText()));

    [Fact]
    public async Task Plain_output_prints_one_type_and_value_line_per_item()
    {
        var (exit, output, errors) = await Run("fhirpath", "name.first().family | gender | 1.50", Write("p.json", Patient));
        Assert.Equal((CliApp.ExitOk, ""), (exit, errors));
        Assert.Equal("string: Smith\ncode: female\ndecimal: 1.50\n", output);
    }

    [Fact]
    public async Task Plain_output_shows_complex_elements_as_compact_fhir_json()
    {
        var (_, output, _) = await Run("fhirpath", "name.first()", Write("p.json", Patient));
        Assert.Equal("HumanName: {\"family\":\"Smith\",\"given\":[\"Ann\"]}\n", output);
    }

    [Fact]
    public async Task Json_gives_system_values_their_type_and_json_form()
    {
        var items = await Json("fhirpath", "true | 42 | 1.50 + 1 | 'text' | @2020-01 | @2020-01-01T10:00:00.0Z | @T10:30 | 5.40 'mg'");
        Assert.Equal(8, items.Length);
        AssertItem(items[0], "boolean", "true");
        AssertItem(items[1], "integer", "42");
        AssertItem(items[2], "decimal", "\"2.50\"");
        AssertItem(items[3], "string", "\"text\"");
        AssertItem(items[4], "date", "\"2020-01\"");
        AssertItem(items[5], "dateTime", "\"2020-01-01T10:00:00.0Z\"");
        AssertItem(items[6], "time", "\"10:30\"");
        Assert.Equal("Quantity", items[7].GetProperty("type").GetString());
        Assert.Equal(("5.40", "mg"), (items[7].GetProperty("value").GetProperty("value").GetString(), items[7].GetProperty("value").GetProperty("unit").GetString()));
    }

    [Fact]
    public async Task Json_gives_fhir_elements_their_fhir_type_and_value()
    {
        var items = await Json("fhirpath", "active | multipleBirth | gender | birthDate | deceased | name.first()", Write("p.json", Patient));
        AssertItem(items[0], "boolean", "true");
        AssertItem(items[1], "integer", "2");
        AssertItem(items[2], "code", "\"female\"");
        AssertItem(items[3], "date", "\"1970-02\"");
        AssertItem(items[4], "dateTime", "\"2020-01-01T10:00:00Z\"");
        Assert.Equal("HumanName", items[5].GetProperty("type").GetString());
        Assert.Equal("Smith", items[5].GetProperty("value").GetProperty("family").GetString());
    }

    [Fact]
    public async Task Json_writes_a_resource_and_a_value_less_primitive_as_fhir_json()
    {
        var items = await Json("fhirpath", "%resource | name[1].family", Write("p.json", Patient));
        Assert.Equal("Patient", items[0].GetProperty("type").GetString());
        Assert.Equal("Patient", items[0].GetProperty("value").GetProperty("resourceType").GetString());
        Assert.Equal("string", items[1].GetProperty("type").GetString());
        Assert.Equal("y", items[1].GetProperty("value").GetProperty("extension")[0].GetProperty("valueString").GetString());
    }

    [Fact]
    public async Task An_empty_result_is_an_empty_array_and_exit_0()
    {
        Assert.Empty(await Json("fhirpath", "{}"));
        var (exit, output, _) = await Run("fhirpath", "name.where(false)", Write("p.json", Patient));
        Assert.Equal((CliApp.ExitOk, ""), (exit, output));
    }

    [Theory]
    [InlineData("name.where(", "syntax error at line 1, column 12")]
    [InlineData("name.given1", "semantic error at line 1, column 6")]
    [InlineData("name.frob()", "semantic error at line 1, column 6")]
    [InlineData("name.family.single()", "evaluation error at line 1, column 13")]
    public async Task Expression_errors_exit_1_with_the_position_on_stderr(string expression, string message)
    {
        var (exit, output, errors) = await Run("fhirpath", expression, Write("p.json", Patient));
        Assert.Equal((CliApp.ExitIssues, ""), (exit, output));
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.Contains("^", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_json_errors_is_reported_as_file_line_column_and_exits_1()
    {
        var file = Write("bad.json", "{\"resourceType\":\"Patient\",\n\"nickname\":\"x\"}");
        var (exit, output, errors) = await Run("fhirpath", "id", file);
        Assert.Equal((CliApp.ExitIssues, ""), (exit, output));
        Assert.StartsWith($"{file}:2:1 error json-unknown-property ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_an_io_error_with_exit_2()
    {
        var (exit, _, errors) = await Run("fhirpath", "id", Path.Combine(_folder, "absent.json"));
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("absent.json: cannot read", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_expression_is_a_usage_error_with_exit_2()
    {
        var (exit, _, errors) = await Run("fhirpath");
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.NotEqual("", errors);
    }

    [Fact]
    public async Task Trace_output_goes_to_stderr()
    {
        var (exit, output, errors) = await Run("fhirpath", "gender.trace('g')", Write("p.json", Patient));
        Assert.Equal((CliApp.ExitOk, "code: female\n"), (exit, output));
        Assert.Equal("trace g: [female]\n", errors);
    }
}
