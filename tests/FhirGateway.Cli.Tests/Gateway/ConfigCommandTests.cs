namespace FhirGateway.Cli.Tests.Gateway;

/// <summary><c>fhirgw config check</c>, settings that cannot be read, and durations without a unit.</summary>
public sealed class ConfigCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Write(string name, string text)
    {
        var file = Path.Combine(_folder.Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    [Fact]
    public async Task A_valid_configuration_passes_and_names_what_it_found()
    {
        var (exit, output, errors) = await CliRun.Run("config", "check", "--config", CliRun.Repo("appsettings.example.json"), "--data", _folder.Path);
        Assert.Equal((CliApp.ExitOk, ""), (exit, errors));
        Assert.Contains("the configuration is valid", output, StringComparison.Ordinal);
        Assert.Contains("1 partners (northbridge)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_that_cannot_be_read_are_each_named_with_their_environment_variable()
    {
        var file = Write("bad.json", """{ "Delivery": { "BaseDelay": "ten seconds", "MaxDelay": "10", "MaxAttempts": "lots" } }""");
        var (exit, _, errors) = await CliRun.Run("config", "check", "--config", file);
        Assert.Equal(CliApp.ExitIssues, exit);
        Assert.Contains("Delivery:BaseDelay (FHIRGW_DELIVERY__BASEDELAY): 'ten seconds' is not a duration", errors, StringComparison.Ordinal);
        Assert.Contains("Delivery:MaxDelay (FHIRGW_DELIVERY__MAXDELAY): '10' is not a duration", errors, StringComparison.Ordinal);
        Assert.Contains("Delivery:MaxAttempts (FHIRGW_DELIVERY__MAXATTEMPTS): 'lots' is not a whole number", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_exits_2_on_a_value_that_cannot_be_read_without_a_stack_trace()
    {
        var file = Write("bad.json", """{ "Delivery": { "BaseDelay": "ten seconds" }, "Partners": [ { "Id": "a", "Timeout": "lots" } ] }""");
        var (exit, _, errors) = await CliRun.Run("run", "--config", file, "--data", _folder.Path);
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("'ten seconds' is not a duration", errors, StringComparison.Ordinal);
        Assert.Contains("Partners:0:Timeout (FHIRGW_PARTNERS__0__TIMEOUT): 'lots' is not a duration", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "Store": { "Provider": "Postgres" } }""", "Store:Provider (FHIRGW_STORE__PROVIDER): 'Postgres' is not one of Sqlite, PostgreSql")]
    [InlineData("""{ "Store": { "Provider": "PostgreSql" } }""", "Store:ConnectionString (FHIRGW_STORE__CONNECTIONSTRING): must name the PostgreSQL database")]
    [InlineData("""{ "Store": { "Provider": "PostgreSql", "ConnectionString": "Hots=db;Database=g" } }""", "Store:ConnectionString (FHIRGW_STORE__CONNECTIONSTRING): is not an Npgsql connection string")]
    [InlineData("""{ "Store": { "ConnectionString": "Host=db;Database=g" } }""", "Store:ConnectionString (FHIRGW_STORE__CONNECTIONSTRING): is read only with Store:Provider PostgreSql")]
    public async Task Run_exits_2_on_store_settings_that_name_no_usable_store(string settings, string expected)
    {
        var file = Write("store.json", settings);
        var (exit, _, errors) = await CliRun.Run("run", "--config", file, "--data", _folder.Path);
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"Delivery\": {", "is not valid JSON at line 1, column 16: the text ends before the JSON is complete")]
    [InlineData("[1, 2]", "must hold a JSON object")]
    [InlineData("{ \"Data\": nope }", "is not valid JSON at line 1, column 12")]
    public async Task A_settings_file_that_is_not_a_JSON_object_is_one_sentence_with_line_and_column(string text, string expected)
    {
        var file = Write("broken.json", text);
        var (exit, _, errors) = await CliRun.Run("config", "check", "--config", file);
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_given_as_the_settings_file_is_named_as_a_folder()
    {
        var (exit, _, errors) = await CliRun.Run("audit", "verify", "--config", _folder.Path);
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Equal($"audit verify: the settings file {_folder.Path} is a folder; give a JSON file\n", errors);
    }

    [Fact]
    public async Task A_mistyped_key_is_a_warning_with_the_nearest_setting()
    {
        var file = Write("typo.json", """{ "Delivry": { "BaseDelay": "00:00:10" } }""");
        var (exit, _, errors) = await CliRun.Run("config", "check", "--config", file, "--data", _folder.Path);
        Assert.Equal(CliApp.ExitOk, exit);
        Assert.Contains("warning: Delivry:BaseDelay is not a setting; did you mean Delivery:BaseDelay?", errors, StringComparison.Ordinal);
    }
}
