using System.Text;
using FhirGateway.Cli;

namespace FhirGateway.Cli.Tests.Cli;

/// <summary>
/// Progress of one large file (a Bundle of 1 MB and more) for <c>validate</c> and <c>format</c>: on stderr with
/// <c>--progress always</c>, nothing when stderr is not a terminal by default (the tests' stderr is not) or with
/// <c>never</c>, and never anything on stdout, whose output stays the same.
/// </summary>
public sealed class LargeFileProgressTests : IDisposable
{
    private const int Entries = 60;
    private readonly string _folder = Directory.CreateTempSubdirectory("fhirgw-progress-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A collection Bundle of <see cref="Entries"/> Patients, each with a long narrative, together over 1 MB.</summary>
    private string LargeBundle()
    {
        var text = string.Concat(Enumerable.Repeat("The patient's history, told at length. ", 500));
        var json = new StringBuilder("""{ "resourceType": "Bundle", "type": "collection", "entry": [""");
        for (var i = 0; i < Entries; i++)
        {
            if (i > 0) json.Append(',');
            json.Append($$"""{ "fullUrl": "urn:uuid:0a1b2c3d-0000-4000-8000-{{i:D12}}", "resource": { "resourceType": "Patient", "text": { "status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">{{text}}</div>" }, "gender": "female" } }""");
        }
        var path = Path.Combine(_folder, "large.json");
        File.WriteAllText(path, json.Append("] }").ToString());
        Assert.True(new FileInfo(path).Length >= 1024 * 1024);
        return path;
    }

    [Fact]
    public async Task Validate_shows_the_steps_of_a_large_file_on_stderr_when_asked_and_stdout_stays_the_same()
    {
        var file = LargeBundle();
        var (exit, output, errors) = await CliRun.Run("validate", "--progress", "always", file);
        var (quietExit, quietOutput, quietErrors) = await CliRun.Run("validate", file);

        Assert.Equal(CliApp.ExitOk, exit);
        Assert.Contains($"validate: {file} (", errors, StringComparison.Ordinal);
        Assert.Contains("MB): reading", errors, StringComparison.Ordinal);
        Assert.Contains($"validating {Entries + 1} resources", errors, StringComparison.Ordinal);
        Assert.Equal(quietExit, exit);
        Assert.Equal(quietOutput, output);
        Assert.DoesNotContain("MB)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MB)", quietErrors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Format_shows_reading_and_writing_a_large_file_on_stderr_when_asked_and_nothing_with_never()
    {
        var file = LargeBundle();
        var outDir = Path.Combine(_folder, "out");
        var (exit, _, errors) = await CliRun.Run("format", "--progress", "always", "--out", outDir, file);
        var (_, _, silent) = await CliRun.Run("format", "--progress", "never", "--out", outDir, file);

        Assert.Equal(CliApp.ExitOk, exit);
        Assert.Contains("MB): reading", errors, StringComparison.Ordinal);
        Assert.Contains("; writing", errors, StringComparison.Ordinal);
        Assert.Equal("", silent);
        Assert.True(File.Exists(Path.Combine(outDir, "large.json")));
    }

    [Fact]
    public async Task An_unknown_progress_mode_is_a_usage_error_naming_the_choices()
    {
        var (exit, _, errors) = await CliRun.Run("validate", "--progress", "sometimes", LargeBundle());
        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains("sometimes", errors, StringComparison.Ordinal);
    }
}
