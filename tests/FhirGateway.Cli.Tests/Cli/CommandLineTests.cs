namespace FhirGateway.Cli.Tests.Cli;

/// <summary>How fhirgw reads a command line: help, suggestions, unknown options, no response files.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Fhirgw_alone_prints_the_help_with_the_commands()
    {
        var (exit, output, _) = await CliRun.Run();
        Assert.Equal(CliApp.ExitOk, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("validate", output, StringComparison.Ordinal);
        Assert.Contains("records", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_command_gets_the_nearest_one_suggested()
    {
        var (exit, _, errors) = await CliRun.Run("valdate", "x.json");
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Equal("fhirgw: unknown command 'valdate'; did you mean validate? (fhirgw --help lists the commands).\n", errors);
    }

    [Theory]
    [InlineData("validate", "--jsn", "fhirgw validate: unknown option --jsn; did you mean --json?")]
    [InlineData("format", "--bogus", "fhirgw format: unknown option --bogus")]
    [InlineData("ingest", "--dta", "fhirgw ingest: unknown option --dta; did you mean --data?")]
    [InlineData("map", "--valdate", "fhirgw map: unknown option --valdate; did you mean --validate?")]
    public async Task An_unknown_option_is_refused_by_name_and_never_taken_as_a_file(string command, string option, string expected)
    {
        var (exit, _, errors) = await CliRun.Run(command, option, "x.json");
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.StartsWith(expected, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_command_refuses_an_unknown_option()
    {
        foreach (var command in new[] { "run", "demo", "replay", "partners check", "audit verify", "records list", "config check", "ig pack", "snapshot x.json" })
        {
            var (exit, _, errors) = await CliRun.Run([.. command.Split(' '), "--no-such-option"]);
            Assert.Equal(CliApp.ExitUsage, exit);
            Assert.Contains("unknown option --no-such-option", errors, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_argument_starting_with_at_is_FHIRPath_not_a_response_file()
    {
        var (exit, output, errors) = await CliRun.Run("fhirpath", "@2015-01-01 < today()");
        Assert.Equal((CliApp.ExitOk, ""), (exit, errors));
        Assert.Equal("boolean: true\n", output);
    }
}
