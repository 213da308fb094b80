namespace FhirGateway.Cli.Tests.Cli;

/// <summary>Usage and I/O errors are the program's own sentences (file, line and column), never .NET's text; --min-severity filters what is printed.</summary>
public sealed class UserErrorTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("format")]
    [InlineData("fhirpath", "name")]
    [InlineData("map")]
    [InlineData("snapshot")]
    public async Task A_folder_given_as_a_file_is_named_as_a_folder(string command, string? expression = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.Path, "looks-like.json")).FullName;
        string[] args = expression is null ? [command, folder] : [command, expression, folder];
        var (exit, _, errors) = await CliRun.Run(args);
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("it is a folder, not a file", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Access to the path", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_file_is_reported_in_its_own_words_with_line_and_column()
    {
        var file = Path.Combine(_folder.Path, "cut.json");
        await File.WriteAllTextAsync(file, "{\"resourceType\":\"Patient\",");
        var (exit, _, errors) = await CliRun.Run("format", file);
        Assert.Equal(CliApp.ExitIssues, exit);
        Assert.Contains("cut.json:1:26 fatal json-malformed", errors, StringComparison.Ordinal);
        Assert.Contains("the text ends before the JSON is complete", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("isFinalBlock", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_StructureDefinition_names_the_line_and_column_and_the_kind_of_value()
    {
        var file = Path.Combine(_folder.Path, "sd.json");
        await File.WriteAllTextAsync(file, "{\"resourceType\":\"StructureDefinition\",\n \"url\":[\"x\"]}");
        var (exit, _, errors) = await CliRun.Run("snapshot", file);
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("expected a string, found an array at line 2, column 8", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("StartArray", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resource_of_another_type_given_to_snapshot_is_named_for_what_it_is()
    {
        var file = Path.Combine(_folder.Path, "patient.json");
        await File.WriteAllTextAsync(file, "{\"resourceType\":\"Patient\",\"id\":\"p1\"}");
        var (exit, _, errors) = await CliRun.Run("snapshot", file);
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("it is a Patient, not a StructureDefinition", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("has no url", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Min_severity_error_prints_only_errors_while_the_totals_count_every_issue()
    {
        var invalid = CliRun.Repo("profiles", "examples", "invalid");
        var (_, all, _) = await CliRun.Run("validate", invalid);
        var (exit, errorsOnly, _) = await CliRun.Run("validate", invalid, "--min-severity", "error");
        Assert.Equal(CliApp.ExitIssues, exit);
        Assert.Contains(" warning ", all, StringComparison.Ordinal);
        Assert.DoesNotContain(" warning ", errorsOnly, StringComparison.Ordinal);
        Assert.Contains(" error ", errorsOnly, StringComparison.Ordinal);
        Assert.Equal(all.Split('\n')[^2], errorsOnly.Split('\n')[^2]);
    }
}
